import { Directive, input } from '@angular/core';

/**
 * Gives mat-table cell templates a typed row. Material types `let row` as `any`; with
 * `*matCellDef="let agent; table: rows()"` the row is the element type of `rows()`, so strict
 * templates check every field read in a cell.
 */
// eslint-disable-next-line @angular-eslint/directive-selector -- it types Material's matCellDef, so it must match that attribute
@Directive({ selector: '[matCellDef][matCellDefTable]' })
export class TypedCellDef<T> {
  readonly matCellDefTable = input.required<readonly T[]>();

  static ngTemplateContextGuard<T>(
    _dir: TypedCellDef<T>,
    _context: unknown,
  ): _context is { $implicit: T; index: number } {
    return true;
  }
}

/** The same for row templates: `*matRowDef="let row; columns: cols; table: rows()"`. */
// eslint-disable-next-line @angular-eslint/directive-selector -- it types Material's matRowDef, so it must match that attribute
@Directive({ selector: '[matRowDef][matRowDefTable]' })
export class TypedRowDef<T> {
  readonly matRowDefTable = input.required<readonly T[]>();

  static ngTemplateContextGuard<T>(
    _dir: TypedRowDef<T>,
    _context: unknown,
  ): _context is { $implicit: T; index: number } {
    return true;
  }
}
