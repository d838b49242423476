import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, Router } from '@angular/router';
import { AgentDto, SiteDto, TeamDto, WORK_MODES } from '@floorwise/contracts';
import {
  Alert,
  CentsPipe,
  csvFileName,
  CsvColumn,
  downloadCsv,
  Icon,
  LocalDatePipe,
  NumberFormatPipe,
  PageHeader,
  toCsv,
  TypedCellDef,
  TypedRowDef,
} from '@floorwise/ui';
import { debounceTime, distinctUntilChanged, forkJoin, map, Subject } from 'rxjs';
import { apiErrorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { loadOnChange } from '../../core/load';
import { Notify } from '../../core/notify';
import { OrgApi } from '../org-api.service';
import { TERMINATION_TYPE_LABEL, tenure, todayLocal, WORK_MODE_LABEL } from '../org-labels';
import {
  AgentListState,
  apiQuery,
  PAGE_SIZES,
  paramsFromState,
  stateFromParams,
} from './agent-query';
import { AgentFormData, AgentFormDialog } from './agent-form-dialog';

const CSV_COLUMNS: CsvColumn<AgentDto>[] = [
  { header: 'employee_code', value: (a) => a.employeeCode },
  { header: 'full_name', value: (a) => a.fullName },
  { header: 'email', value: (a) => a.email },
  { header: 'team_code', value: (a) => a.teamCode },
  { header: 'site_code', value: (a) => a.siteCode },
  { header: 'title', value: (a) => a.title },
  { header: 'work_mode', value: (a) => a.workMode },
  { header: 'hire_date', value: (a) => a.hireDate },
  { header: 'termination_date', value: (a) => a.terminationDate },
  { header: 'termination_type', value: (a) => a.terminationType },
  { header: 'termination_reason', value: (a) => a.terminationReason },
  // Dollars, as the import files write them; exact because the API sends integer cents.
  { header: 'hourly_rate', value: (a) => (a.hourlyRateCents / 100).toFixed(2) },
  { header: 'contract_hours', value: (a) => a.contractHours },
  { header: 'status', value: (a) => (a.active ? 'active' : 'separated') },
];

@Component({
  selector: 'fw-agents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatTableModule,
    MatPaginator,
    MatButton,
    MatIconButton,
    MatTooltip,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    PageHeader,
    TypedCellDef,
    TypedRowDef,
    Alert,
    Icon,
    CentsPipe,
    LocalDatePipe,
    NumberFormatPipe,
  ],
  templateUrl: './agents-page.html',
  styleUrl: './agents-page.scss',
})
export class AgentsPage {
  private readonly api = inject(OrgApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canEdit = computed(() => this.auth.role() === 'admin');
  protected readonly workModes = WORK_MODES;
  protected readonly workModeLabel = WORK_MODE_LABEL;
  protected readonly terminationLabel = TERMINATION_TYPE_LABEL;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly today = todayLocal();

  /** The list state lives in the URL; every change of it loads the matching page. */
  protected readonly state = toSignal(this.route.queryParamMap.pipe(map(stateFromParams)), {
    requireSync: true,
  });
  private readonly version = signal(0);
  protected readonly page = loadOnChange(
    () => ({ state: this.state(), version: this.version() }),
    ({ state }) => this.api.agents(apiQuery(state)),
  );
  protected readonly lookups = loadOnChange(
    () => true,
    () => forkJoin({ teams: this.api.teams(), sites: this.api.sites() }),
  );

  protected readonly teams = computed<TeamDto[]>(() => this.lookups().value?.teams ?? []);
  protected readonly sites = computed<SiteDto[]>(() => this.lookups().value?.sites ?? []);
  private readonly teamNames = computed(
    () => new Map(this.teams().map((t) => [t.teamCode, t.name])),
  );
  protected readonly rows = computed<AgentDto[]>(() => this.page().value?.items ?? []);
  protected readonly total = computed(() => this.page().value?.total ?? 0);
  protected readonly filtered = computed(() => {
    const s = this.state();
    return Boolean(s.teamCode || s.siteCode || s.workMode || s.search || s.status !== 'active');
  });
  protected readonly columns = computed(() => {
    const base = [
      'employeeCode',
      'fullName',
      'team',
      'title',
      'workMode',
      'hireDate',
      'status',
      'rate',
      'hours',
    ];
    return this.canEdit() ? [...base, 'actions'] : base;
  });

  private readonly searchInput = new Subject<string>();

  constructor() {
    this.searchInput
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((search) => this.update({ search, page: 1 }));
  }

  protected teamName(code: string): string {
    return this.teamNames().get(code) ?? '';
  }

  protected tenureOf(agent: AgentDto): string {
    return tenure(agent.hireDate, agent.terminationDate, this.today);
  }

  protected onSearch(text: string): void {
    this.searchInput.next(text);
  }

  /** Any filter change goes back to page 1; the URL is replaced, not pushed, so Back leaves the page. */
  protected update(change: Partial<AgentListState>): void {
    const next: AgentListState = { ...this.state(), page: 1, ...change };
    this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromState(next),
      replaceUrl: true,
    });
  }

  protected onPage(event: PageEvent): void {
    this.update({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected clearFilters(): void {
    this.update({ teamCode: '', siteCode: '', workMode: '', status: 'active', search: '' });
  }

  protected reload(): void {
    this.version.update((v) => v + 1);
  }

  protected exportCsv(): void {
    downloadCsv(csvFileName('agents'), toCsv(CSV_COLUMNS, this.rows()));
  }

  protected edit(agent: AgentDto | null): void {
    if (!agent) {
      this.openForm(null);
      return;
    }
    // Edit what the API has now, not what the list showed a while ago.
    this.api.agent(agent.employeeCode).subscribe({
      next: (fresh) => this.openForm(fresh),
      error: (error: unknown) => this.notify.failed(apiErrorMessage(error)),
    });
  }

  private openForm(agent: AgentDto | null): void {
    this.dialog
      .open<AgentFormDialog, AgentFormData, AgentDto>(AgentFormDialog, {
        data: { agent, teams: this.teams() },
        width: '680px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((saved) => {
        if (saved) {
          this.notify.done(`Agent ${saved.employeeCode} saved.`);
          this.reload();
        }
      });
  }
}
