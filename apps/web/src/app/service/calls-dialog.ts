import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { CallDto, CallListQuery } from '@floorwise/contracts';
import {
  Alert,
  CentsPipe,
  csvFileName,
  CsvColumn,
  downloadCsv,
  DurationPipe,
  Icon,
  LocalDatePipe,
  NumberFormatPipe,
  toCsv,
  TypedCellDef,
  TypedRowDef,
} from '@floorwise/ui';
import { forkJoin, map, Observable, of } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { loadOnChange } from '../core/load';
import { CallsApi } from './calls-api.service';
import { DRILL_PAGE_SIZE } from './service-query';

/** What the drill-down shows: a heading, the filters in words, and the query of its calls. */
export interface CallsDialogData {
  title: string;
  filters: readonly string[];
  query: CallListQuery;
  fileSubject: string;
}

/** The largest export: beyond it, narrow the range or filters (the API serves 1,000 per page). */
export const CALLS_EXPORT_MAX = 10_000;
const EXPORT_PAGE = 1000;

const CSV_COLUMNS: CsvColumn<CallDto>[] = [
  { header: 'call_id', value: (c) => c.callId },
  { header: 'started_at', value: (c) => c.startedAt },
  { header: 'local_date', value: (c) => c.localDate },
  { header: 'local_time', value: (c) => c.localTime },
  { header: 'employee_code', value: (c) => c.employeeCode },
  { header: 'team_code', value: (c) => c.teamCode },
  { header: 'campaign_code', value: (c) => c.campaignCode },
  { header: 'channel', value: (c) => c.channel },
  { header: 'direction', value: (c) => c.direction },
  { header: 'queue_seconds', value: (c) => c.queueSeconds },
  { header: 'talk_seconds', value: (c) => c.talkSeconds },
  { header: 'hold_seconds', value: (c) => c.holdSeconds },
  { header: 'wrap_seconds', value: (c) => c.wrapSeconds },
  { header: 'outcome', value: (c) => c.outcome },
  {
    header: 'sale_amount',
    value: (c) => (c.saleAmountCents === null ? null : (c.saleAmountCents / 100).toFixed(2)),
  },
  { header: 'hostile', value: (c) => c.hostile },
  { header: 'qa_score', value: (c) => c.qaScore },
  { header: 'csat', value: (c) => c.csat },
  // Masked by the API (last four digits only); written as received.
  { header: 'customer', value: (c) => c.customer },
];

/** The calls behind a bar or a row, a page of 200 at a time, with CSV export of all of them. */
@Component({
  selector: 'fw-calls-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatIconButton,
    MatTableModule,
    MatPaginator,
    MatProgressBar,
    TypedCellDef,
    TypedRowDef,
    Alert,
    Icon,
    LocalDatePipe,
    NumberFormatPipe,
    DurationPipe,
    CentsPipe,
  ],
  template: `
    <div class="head">
      <h2 mat-dialog-title>{{ data.title }}</h2>
      <button mat-icon-button type="button" mat-dialog-close aria-label="Close">
        <fw-icon name="close" />
      </button>
    </div>
    <mat-dialog-content>
      <p class="filters">
        @for (f of data.filters; track f) {
          <span class="fw-chip">{{ f }}</span>
        }
        <span class="fw-muted" aria-live="polite">{{ total() | num }} calls</span>
      </p>
      @if (page().error; as error) {
        <fw-alert tone="error" heading="The calls could not be loaded" class="fw-alert-gap">{{
          error
        }}</fw-alert>
      }
      @if (exportError(); as error) {
        <fw-alert tone="error" heading="Export failed" class="fw-alert-gap">{{ error }}</fw-alert>
      }
      <div class="fw-table-card">
        @if (page().loading || exporting()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading calls" />
        }
        <div class="fw-table-scroll">
          <table mat-table class="fw-table" [dataSource]="rows()">
            <ng-container matColumnDef="when">
              <th mat-header-cell *matHeaderCellDef>Local time</th>
              <td mat-cell *matCellDef="let c; table: rows()" class="fw-nowrap">
                {{ c.localDate | localDate }} <span class="fw-muted">{{ c.localTime }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="campaign">
              <th mat-header-cell *matHeaderCellDef>Campaign</th>
              <td mat-cell *matCellDef="let c; table: rows()" class="fw-code">
                {{ c.campaignCode }}
              </td>
            </ng-container>
            <ng-container matColumnDef="agent">
              <th mat-header-cell *matHeaderCellDef>Agent · team</th>
              <td mat-cell *matCellDef="let c; table: rows()" class="fw-nowrap">
                @if (c.employeeCode) {
                  <span class="fw-code">{{ c.employeeCode }}</span>
                  <span class="fw-muted"> · {{ c.teamCode ?? '—' }}</span>
                } @else {
                  <span class="fw-muted">no agent</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="channel">
              <th mat-header-cell *matHeaderCellDef>Channel</th>
              <td mat-cell *matCellDef="let c; table: rows()" class="fw-nowrap">
                {{ c.channel }} <span class="fw-sub">{{ c.direction }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="queue">
              <th mat-header-cell *matHeaderCellDef class="fw-num">Wait</th>
              <td mat-cell *matCellDef="let c; table: rows()" class="fw-num">
                {{ c.queueSeconds | duration }}
              </td>
            </ng-container>
            <ng-container matColumnDef="handle">
              <th mat-header-cell *matHeaderCellDef class="fw-num">Talk · hold · wrap</th>
              <td mat-cell *matCellDef="let c; table: rows()" class="fw-num">
                {{ c.talkSeconds | duration }} · {{ c.holdSeconds | duration }} ·
                {{ c.wrapSeconds | duration }}
              </td>
            </ng-container>
            <ng-container matColumnDef="outcome">
              <th mat-header-cell *matHeaderCellDef>Outcome</th>
              <td mat-cell *matCellDef="let c; table: rows()" class="fw-nowrap">
                <span class="fw-chip" [class.bad]="c.outcome === 'abandoned'">{{ c.outcome }}</span>
                @if (c.hostile) {
                  <span class="fw-chip warn">hostile</span>
                }
                @if (c.saleAmountCents !== null) {
                  <span class="fw-sub">{{ c.saleAmountCents | cents }}</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="customer">
              <th mat-header-cell *matHeaderCellDef>Customer</th>
              <td mat-cell *matCellDef="let c; table: rows()" class="fw-code">
                {{ c.customer ?? '—' }}
              </td>
            </ng-container>

            <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
            <tr mat-row *matRowDef="let c; columns: columns; table: rows()"></tr>
            <tr class="mat-mdc-row" *matNoDataRow>
              <td class="fw-empty" [attr.colspan]="columns.length">
                {{ page().loading ? 'Loading calls…' : 'No calls behind this figure.' }}
              </td>
            </tr>
          </table>
        </div>
        @if (total() > pageSize) {
          <mat-paginator
            [length]="total()"
            [pageIndex]="pageIndex()"
            [pageSize]="pageSize"
            [hidePageSize]="true"
            (page)="onPage($event)"
            aria-label="Pages of calls"
          />
        }
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <span class="fw-muted note">Customers show only the last four digits.</span>
      <button
        mat-stroked-button
        type="button"
        (click)="exportCsv()"
        [disabled]="!total() || exporting() || total() > exportMax"
      >
        <fw-icon name="download" />
        {{ total() > exportMax ? 'Too many to export' : 'Export ' + (total() | num) + ' calls' }}
      </button>
      <button mat-flat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding-right: 12px;
    }
    .head h2 {
      flex: 1;
      min-width: 0;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: center;
      margin: 0 0 12px;
    }
    .note {
      margin-right: auto;
      font: var(--mat-sys-body-small);
    }
    mat-dialog-actions {
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class CallsDialog {
  protected readonly data = inject<CallsDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(CallsApi);

  protected readonly pageSize = DRILL_PAGE_SIZE;
  protected readonly exportMax = CALLS_EXPORT_MAX;
  protected readonly columns = [
    'when',
    'campaign',
    'agent',
    'channel',
    'queue',
    'handle',
    'outcome',
    'customer',
  ];
  protected readonly pageIndex = signal(0);
  protected readonly page = loadOnChange(
    () => this.pageIndex(),
    (index) =>
      this.api.calls({ ...this.data.query, limit: this.pageSize, offset: index * this.pageSize }),
  );
  protected readonly rows = computed<CallDto[]>(() => this.page().value?.items ?? []);
  protected readonly total = computed(() => this.page().value?.total ?? 0);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }

  /** Fetches every call behind the figure (pages of 1,000) and downloads them as one file. */
  protected exportCsv(): void {
    const total = this.total();
    if (!total || total > CALLS_EXPORT_MAX) {
      return;
    }
    this.exporting.set(true);
    this.exportError.set(null);
    const pages: Observable<CallDto[]>[] = [];
    for (let offset = 0; offset < total; offset += EXPORT_PAGE) {
      pages.push(
        this.api
          .calls({ ...this.data.query, limit: EXPORT_PAGE, offset })
          .pipe(map((page) => page.items)),
      );
    }
    (pages.length ? forkJoin(pages) : of([])).subscribe({
      next: (chunks) => {
        this.exporting.set(false);
        downloadCsv(csvFileName(this.data.fileSubject), toCsv(CSV_COLUMNS, chunks.flat()));
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.exportError.set(apiErrorMessage(error));
      },
    });
  }
}
