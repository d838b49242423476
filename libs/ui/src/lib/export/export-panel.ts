import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { downloadCsv } from '../csv/csv';
import { canvasesToPng, downloadDataUrl, exportFileName } from './png-export';

/**
 * A titled panel around a chart and/or a table, with its exports: "PNG" downloads the charts it
 * holds as one image under the title; "CSV" downloads the table (when `csv` is given, a function
 * that returns the CSV text of what is shown).
 */
@Component({
  selector: 'fw-export-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    <header>
      <div class="titles">
        <h3>{{ title() }}</h3>
        @if (subtitle()) {
          <p>{{ subtitle() }}</p>
        }
      </div>
      <div class="actions">
        <ng-content select="[panel-actions]" />
        @if (png()) {
          <button
            mat-button
            type="button"
            (click)="exportPng()"
            [attr.aria-label]="'Download ' + title() + ' as PNG'"
          >
            PNG
          </button>
        }
        @if (csv()) {
          <button
            mat-button
            type="button"
            (click)="exportCsv()"
            [attr.aria-label]="'Download ' + title() + ' as CSV'"
          >
            CSV
          </button>
        }
      </div>
    </header>
    <div #body class="body"><ng-content /></div>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
      padding: 12px 16px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    header {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 8px;
      margin-bottom: 8px;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    p {
      margin: 2px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      gap: 4px;
      flex-shrink: 0;
      align-items: center;
    }
    .body {
      min-width: 0;
    }
  `,
})
export class ExportPanel {
  readonly title = input.required<string>();
  readonly subtitle = input<string | null>(null);
  /** Subject of the file names, default the title. */
  readonly fileName = input<string | null>(null);
  /** Whether the panel offers a PNG of its charts. */
  readonly png = input(true);
  readonly csv = input<(() => string) | null>(null);

  private readonly body = viewChild.required<ElementRef<HTMLElement>>('body');
  private readonly doc = inject(ElementRef).nativeElement.ownerDocument as Document;

  exportPng(): boolean {
    const url = canvasesToPng(this.body().nativeElement, this.title(), this.doc);
    if (url === null) {
      return false;
    }
    downloadDataUrl(exportFileName(this.fileName() ?? this.title(), 'png'), url, this.doc);
    return true;
  }

  exportCsv(): void {
    const csv = this.csv();
    if (csv) {
      downloadCsv(exportFileName(this.fileName() ?? this.title(), 'csv'), csv(), this.doc);
    }
  }
}
