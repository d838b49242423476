import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { SiteDto } from '@floorwise/contracts';
import {
  Alert,
  CategoryChartData,
  csvFileName,
  CsvColumn,
  downloadCsv,
  formatLocalDate,
  FwBarChart,
  Icon,
  LocalDatePipe,
  matchesText,
  NumberFormatPipe,
  PageHeader,
  sortRows,
  SortState,
  StatCard,
  toCsv,
  TypedCellDef,
  TypedRowDef,
} from '@floorwise/ui';
import { AuthService } from '../../core/auth.service';
import { loadOnChange } from '../../core/load';
import { Notify } from '../../core/notify';
import { OrgApi } from '../org-api.service';
import { todayLocal, zoneOffset } from '../org-labels';
import { SiteFormDialog, SiteFormData } from './site-form-dialog';

const SORT_BY = {
  siteCode: (s: SiteDto) => s.siteCode,
  name: (s: SiteDto) => s.name,
  timeZone: (s: SiteDto) => s.timeZone,
  holidays: (s: SiteDto) => s.holidays.length,
  teamCount: (s: SiteDto) => s.teamCount,
  activeAgentCount: (s: SiteDto) => s.activeAgentCount,
};

const CSV_COLUMNS: CsvColumn<SiteDto>[] = [
  { header: 'site_code', value: (s) => s.siteCode },
  { header: 'name', value: (s) => s.name },
  { header: 'time_zone', value: (s) => s.timeZone },
  { header: 'holidays', value: (s) => s.holidays.join(';') },
  { header: 'teams', value: (s) => s.teamCount },
  { header: 'active_agents', value: (s) => s.activeAgentCount },
];

@Component({
  selector: 'fw-sites-page',
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
    MatProgressBar,
    RouterLink,
    PageHeader,
    TypedCellDef,
    TypedRowDef,
    StatCard,
    Alert,
    Icon,
    FwBarChart,
    LocalDatePipe,
    NumberFormatPipe,
  ],
  templateUrl: './sites-page.html',
})
export class SitesPage {
  private readonly api = inject(OrgApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly auth = inject(AuthService);

  protected readonly canEdit = computed(() => this.auth.role() === 'admin');
  private readonly version = signal(0);
  protected readonly sites = loadOnChange(
    () => this.version(),
    () => this.api.sites(),
  );

  protected readonly query = signal('');
  protected readonly sort = signal<SortState>({ active: 'siteCode', direction: 'asc' });
  private readonly today = todayLocal();

  protected readonly all = computed(() => this.sites().value ?? []);
  protected readonly rows = computed(() => {
    const q = this.query();
    const filtered = this.all().filter((s) => matchesText(q, [s.siteCode, s.name, s.timeZone]));
    return sortRows(filtered, this.sort(), SORT_BY).map((site) => ({
      site,
      offset: zoneOffset(site.timeZone),
      nextHoliday: site.holidays.filter((d) => d >= this.today).sort()[0] ?? null,
    }));
  });
  protected readonly columns = computed(() => {
    const base = ['siteCode', 'name', 'timeZone', 'holidays', 'teamCount', 'activeAgentCount'];
    return this.canEdit() ? [...base, 'actions'] : base;
  });

  protected readonly totals = computed(() => {
    const sites = this.all();
    return {
      sites: sites.length,
      teams: sites.reduce((sum, s) => sum + s.teamCount, 0),
      agents: sites.reduce((sum, s) => sum + s.activeAgentCount, 0),
      zones: new Set(sites.map((s) => s.timeZone)).size,
    };
  });

  protected readonly headcount = computed<CategoryChartData>(() => {
    const sites = [...this.all()].sort((a, b) => b.activeAgentCount - a.activeAgentCount);
    return {
      categories: sites.map((s) => s.siteCode),
      series: [{ name: 'Active agents', values: sites.map((s) => s.activeAgentCount) }],
    };
  });

  protected readonly chartHeight = computed(() => Math.max(160, this.all().length * 32 + 56));

  protected holidayTitle(site: SiteDto): string {
    return site.holidays.map((d) => formatLocalDate(d)).join(', ');
  }

  protected onSort(sort: Sort): void {
    this.sort.set({ active: sort.active, direction: sort.direction });
  }

  protected reload(): void {
    this.version.update((v) => v + 1);
  }

  protected exportCsv(): void {
    downloadCsv(
      csvFileName('sites'),
      toCsv(
        CSV_COLUMNS,
        this.rows().map((r) => r.site),
      ),
    );
  }

  protected edit(site: SiteDto | null): void {
    this.dialog
      .open<SiteFormDialog, SiteFormData, SiteDto>(SiteFormDialog, {
        data: { site },
        width: '560px',
        maxWidth: '96vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.notify.done(`Site ${saved.siteCode} saved.`);
          this.reload();
        }
      });
  }
}
