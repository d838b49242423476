import { Directive, input } from '@angular/core';

/**
 * Gives mat-table cell templates a typed row. Material types `let row` as `any`; with
 * `*matCellDef="let agent; table: rows()"` the row is the element type of `rows()`, so strict
 * templates check every field read in a cell.
 */
@Directive({ selector: '[matCellDef][matCellDefTable]' })
export class TypedCellDef<T> {
  readonly matCellDefTable = input.required<readonly T[]>();

  static ngTemplateContextGuard<T>(
    _dir: TypedCellDef<T>,
    context: unknown,
  ): context is { $implicit: T; index: number } {
    return true;
  }
}

/** The same for row templates: `*matRowDef="let row; columns: cols; table: rows()"`. */
@Directive({ selector: '[matRowDef][matRowDefTable]' })
export class TypedRowDef<T> {
  readonly matRowDefTable = input.required<readonly T[]>();

  static ngTemplateContextGuard<T>(
    _dir: TypedRowDef<T>,
    context: unknown,
  ): context is { $implicit: T; index: number } {
    return true;
  }
}
