import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { SiteDto, TeamDto } from '@floorwise/contracts';
import {
  Alert,
  csvFileName,
  CsvColumn,
  downloadCsv,
  Icon,
  matchesText,
  NumberFormatPipe,
  PageHeader,
  sortRows,
  SortState,
  toCsv,
  TypedCellDef,
  TypedRowDef,
} from '@floorwise/ui';
import { forkJoin } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { loadOnChange } from '../../core/load';
import { Notify } from '../../core/notify';
import { OrgApi } from '../org-api.service';
import { TeamFormData, TeamFormDialog } from './team-form-dialog';

const SORT_BY = {
  teamCode: (t: TeamDto) => t.teamCode,
  name: (t: TeamDto) => t.name,
  siteCode: (t: TeamDto) => t.siteCode,
  managerEmail: (t: TeamDto) => t.managerEmail,
  activeAgentCount: (t: TeamDto) => t.activeAgentCount,
};

const CSV_COLUMNS: CsvColumn<TeamDto>[] = [
  { header: 'team_code', value: (t) => t.teamCode },
  { header: 'name', value: (t) => t.name },
  { header: 'site_code', value: (t) => t.siteCode },
  { header: 'manager_email', value: (t) => t.managerEmail },
  { header: 'active_agents', value: (t) => t.activeAgentCount },
];

@Component({
  selector: 'fw-teams-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatTableModule,
    MatSort,
    MatSortHeader,
    MatButton,
    MatIconButton,
    MatTooltip,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    RouterLink,
    PageHeader,
    TypedCellDef,
    TypedRowDef,
    Alert,
    Icon,
    NumberFormatPipe,
  ],
  templateUrl: './teams-page.html',
})
export class TeamsPage {
  private readonly api = inject(OrgApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly auth = inject(AuthService);

  protected readonly canEdit = computed(() => this.auth.role() === 'admin');
  /** A manager sees the teams they manage (the API scopes the list; the session names them too). */
  protected readonly managerScope = computed(() => this.auth.role() === 'manager');

  private readonly version = signal(0);
  protected readonly data = loadOnChange(
    () => this.version(),
    () => forkJoin({ teams: this.api.teams(), sites: this.api.sites() }),
  );

  protected readonly query = signal('');
  protected readonly siteFilter = signal<string>('');
  protected readonly sort = signal<SortState>({ active: 'teamCode', direction: 'asc' });

  protected readonly sites = computed<SiteDto[]>(() => this.data().value?.sites ?? []);
  private readonly siteNames = computed(
    () => new Map(this.sites().map((s) => [s.siteCode, s.name])),
  );
  protected readonly all = computed<TeamDto[]>(() => {
    const teams = this.data().value?.teams ?? [];
    const own = this.auth.user()?.teamCodes;
    return this.managerScope() && own ? teams.filter((t) => own.includes(t.teamCode)) : teams;
  });
  protected readonly rows = computed(() => {
    const q = this.query();
    const site = this.siteFilter();
    const filtered = this.all().filter(
      (t) =>
        (!site || t.siteCode === site) &&
        matchesText(q, [t.teamCode, t.name, t.managerEmail, this.siteNames().get(t.siteCode)]),
    );
    return sortRows(filtered, this.sort(), SORT_BY);
  });
  protected readonly columns = computed(() => {
    const base = ['teamCode', 'name', 'siteCode', 'managerEmail', 'activeAgentCount'];
    return this.canEdit() ? [...base, 'actions'] : base;
  });

  protected siteName(code: string): string {
    return this.siteNames().get(code) ?? '';
  }

  protected onSort(sort: Sort): void {
    this.sort.set({ active: sort.active, direction: sort.direction });
  }

  protected reload(): void {
    this.version.update((v) => v + 1);
  }

  protected exportCsv(): void {
    downloadCsv(csvFileName('teams'), toCsv(CSV_COLUMNS, this.rows()));
  }

  protected edit(team: TeamDto | null): void {
    this.dialog
      .open<TeamFormDialog, TeamFormData, TeamDto>(TeamFormDialog, {
        data: { team, sites: this.sites() },
        width: '560px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.notify.done(`Team ${saved.teamCode} saved.`);
          this.reload();
        }
      });
  }
}
