import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import {
  csvFileName,
  CsvColumn,
  downloadCsv,
  DurationPipe,
  Icon,
  NumberFormatPipe,
  PercentFixedPipe,
  SortState,
  sortRows,
  SortValue,
  toCsv,
  TypedCellDef,
  TypedRowDef,
} from '@floorwise/ui';
import { BreakdownRow } from './service-figures';
import { Breakdown } from './service-query';

const KIND_LABEL: Readonly<Record<Breakdown, string>> = {
  team: 'Team',
  campaign: 'Campaign',
  agent: 'Agent',
};

const round = (value: number | null, digits: number) =>
  value === null ? null : Number(value.toFixed(digits));

const ACCESSORS: Readonly<Record<string, (row: BreakdownRow) => SortValue>> = {
  key: (r) => r.key,
  offered: (r) => r.offered,
  answered: (r) => r.answered,
  abandoned: (r) => r.abandoned,
  abandonRate: (r) => r.abandonRate,
  serviceLevel: (r) => r.serviceLevel,
  asa: (r) => r.asaSeconds,
  aht: (r) => r.ahtSeconds,
  median: (r) => r.medianSeconds,
  p90: (r) => r.p90Seconds,
};

/**
 * The service figures of the range by team, campaign or agent: sortable, exportable, and each
 * row opens the calls behind it. Mean and median handle time sit side by side: a few very long
 * calls pull the mean (AHT) up, the median shows the typical call.
 */
@Component({
  selector: 'fw-service-breakdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatTableModule,
    MatSort,
    MatSortHeader,
    MatButton,
    Icon,
    TypedCellDef,
    TypedRowDef,
    NumberFormatPipe,
    PercentFixedPipe,
    DurationPipe,
  ],
  template: `
    <div class="bar">
      <span class="fw-muted count">{{ rows().length | num }} {{ noun() }}</span>
      <button mat-stroked-button type="button" (click)="exportCsv()" [disabled]="!rows().length">
        <fw-icon name="download" /> Export CSV
      </button>
    </div>
    <div class="fw-table-scroll scroll">
      <table
        mat-table
        class="fw-table"
        [dataSource]="sorted()"
        matSort
        [matSortActive]="sort().active"
        [matSortDirection]="sort().direction"
        (matSortChange)="onSort($event)"
      >
        <ng-container matColumnDef="key">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ kindLabel() }}</th>
          <td mat-cell *matCellDef="let r; table: sorted()">
            <button
              type="button"
              class="open"
              (click)="open.emit(r); $event.stopPropagation()"
              [attr.aria-label]="'Calls of ' + kindLabel().toLowerCase() + ' ' + r.key"
            >
              <span class="fw-code">{{ r.key }}</span>
              @if (names().get(r.key); as name) {
                <span class="fw-sub">{{ name }}</span>
              }
            </button>
          </td>
        </ng-container>
        <ng-container matColumnDef="offered">
          <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">Offered</th>
          <td mat-cell *matCellDef="let r; table: sorted()" class="fw-num">
            {{ r.offered | num }}
          </td>
        </ng-container>
        <ng-container matColumnDef="answered">
          <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">Answered</th>
          <td mat-cell *matCellDef="let r; table: sorted()" class="fw-num">
            {{ r.answered | num }}
          </td>
        </ng-container>
        <ng-container matColumnDef="abandoned">
          <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">Abandoned</th>
          <td mat-cell *matCellDef="let r; table: sorted()" class="fw-num">
            {{ r.abandoned | num }}
          </td>
        </ng-container>
        <ng-container matColumnDef="abandonRate">
          <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">Abandon rate</th>
          <td mat-cell *matCellDef="let r; table: sorted()" class="fw-num">
            {{ r.abandonRate | percentFixed }}
          </td>
        </ng-container>
        <ng-container matColumnDef="serviceLevel">
          <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">SL 20 s</th>
          <td mat-cell *matCellDef="let r; table: sorted()" class="fw-num">
            {{ r.serviceLevel | percentFixed }}
          </td>
        </ng-container>
        <ng-container matColumnDef="asa">
          <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">ASA</th>
          <td mat-cell *matCellDef="let r; table: sorted()" class="fw-num">
            {{ r.asaSeconds | duration }}
          </td>
        </ng-container>
        <ng-container matColumnDef="aht">
          <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">AHT (mean)</th>
          <td mat-cell *matCellDef="let r; table: sorted()" class="fw-num">
            {{ r.ahtSeconds | duration }}
          </td>
        </ng-container>
        <ng-container matColumnDef="median">
          <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">Median</th>
          <td mat-cell *matCellDef="let r; table: sorted()" class="fw-num">
            {{ r.medianSeconds | duration }}
          </td>
        </ng-container>
        <ng-container matColumnDef="p90">
          <th mat-header-cell *matHeaderCellDef mat-sort-header class="fw-num">P90</th>
          <td mat-cell *matCellDef="let r; table: sorted()" class="fw-num">
            {{ r.p90Seconds | duration }}
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns(); sticky: true"></tr>
        <tr
          mat-row
          *matRowDef="let r; columns: columns(); table: sorted()"
          class="clickable"
          (click)="open.emit(r)"
        ></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="fw-empty" [attr.colspan]="columns().length">
            {{ loading() ? 'Loading…' : emptyText() }}
          </td>
        </tr>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding: 8px 12px 8px 16px;
    }
    .count {
      font: var(--mat-sys-body-small);
    }
    .scroll {
      max-height: 520px;
      overflow: auto;
    }
    .open {
      all: unset;
      cursor: pointer;
      display: block;
      padding: 4px 0;
      color: var(--mat-sys-primary);
      border-radius: 4px;
    }
    .open:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .open .fw-code {
      text-decoration: underline;
      text-underline-offset: 2px;
    }
    tr.clickable {
      cursor: pointer;
    }
  `,
})
export class ServiceBreakdown {
  readonly kind = input.required<Breakdown>();
  readonly rows = input.required<readonly BreakdownRow[]>();
  /** Display names by code (teams, campaigns); agents show their code only. */
  readonly names = input<ReadonlyMap<string, string>>(new Map());
  readonly loading = input(false);
  readonly emptyText = input('No calls in this range.');
  /** The subject of the CSV file name, e.g. `service-by-team-2025-03-03-2025-03-09`. */
  readonly fileSubject = input('service');

  /** A row was chosen: show the calls behind it. */
  readonly open = output<BreakdownRow>();

  protected readonly kindLabel = computed(() => KIND_LABEL[this.kind()]);
  protected readonly noun = computed(() => {
    const n = this.rows().length;
    return `${this.kind()}${n === 1 ? '' : 's'}`;
  });
  protected readonly sort = signal<SortState>({ active: '', direction: '' });
  /** Busiest first until a header is clicked. */
  private readonly activeSort = computed<SortState>(() =>
    this.sort().direction
      ? this.sort()
      : { active: this.kind() === 'campaign' ? 'offered' : 'answered', direction: 'desc' },
  );
  protected readonly sorted = computed(() => sortRows(this.rows(), this.activeSort(), ACCESSORS));
  /**
   * Abandoned calls reach no agent and so belong to no team: team and agent rows count answered
   * calls only, and offered / abandon rate would mislead there.
   */
  protected readonly columns = computed(() =>
    this.kind() === 'campaign'
      ? [
          'key',
          'offered',
          'answered',
          'abandoned',
          'abandonRate',
          'serviceLevel',
          'asa',
          'aht',
          'median',
          'p90',
        ]
      : ['key', 'answered', 'serviceLevel', 'asa', 'aht', 'median', 'p90'],
  );

  protected onSort(sort: Sort): void {
    this.sort.set({ active: sort.active, direction: sort.direction });
  }

  exportCsv(): void {
    const columns: CsvColumn<BreakdownRow>[] = [
      { header: `${this.kind()}_code`, value: (r) => r.key },
      ...(this.kind() === 'agent'
        ? []
        : [{ header: 'name', value: (r: BreakdownRow) => this.names().get(r.key) ?? '' }]),
      { header: 'offered', value: (r) => r.offered },
      { header: 'answered', value: (r) => r.answered },
      { header: 'abandoned', value: (r) => r.abandoned },
      { header: 'abandon_rate', value: (r) => round(r.abandonRate, 4) },
      { header: 'service_level_20s', value: (r) => round(r.serviceLevel, 4) },
      { header: 'asa_seconds', value: (r) => round(r.asaSeconds, 1) },
      { header: 'aht_seconds', value: (r) => round(r.ahtSeconds, 1) },
      { header: 'median_handle_seconds', value: (r) => round(r.medianSeconds, 1) },
      { header: 'p90_handle_seconds', value: (r) => round(r.p90Seconds, 1) },
    ];
    downloadCsv(csvFileName(this.fileSubject()), toCsv(columns, this.sorted()));
  }
}
