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
import { CAMPAIGN_KINDS, CampaignDto, CampaignKind, SiteDto } from '@floorwise/contracts';
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
import { CAMPAIGN_KIND_LABEL } from '../org-labels';
import { CampaignFormData, CampaignFormDialog } from './campaign-form-dialog';

const SORT_BY = {
  campaignCode: (c: CampaignDto) => c.campaignCode,
  name: (c: CampaignDto) => c.name,
  kind: (c: CampaignDto) => CAMPAIGN_KIND_LABEL[c.kind],
  client: (c: CampaignDto) => c.client,
  siteCode: (c: CampaignDto) => c.siteCode,
};

const CSV_COLUMNS: CsvColumn<CampaignDto>[] = [
  { header: 'campaign_code', value: (c) => c.campaignCode },
  { header: 'name', value: (c) => c.name },
  { header: 'kind', value: (c) => c.kind },
  { header: 'client', value: (c) => c.client },
  { header: 'site_code', value: (c) => c.siteCode },
];

@Component({
  selector: 'fw-campaigns-page',
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
    PageHeader,
    TypedCellDef,
    TypedRowDef,
    Alert,
    Icon,
    NumberFormatPipe,
  ],
  templateUrl: './campaigns-page.html',
})
export class CampaignsPage {
  private readonly api = inject(OrgApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly auth = inject(AuthService);

  protected readonly canEdit = computed(() => this.auth.role() === 'admin');
  protected readonly kinds = CAMPAIGN_KINDS;
  protected readonly kindLabel = CAMPAIGN_KIND_LABEL;

  private readonly version = signal(0);
  protected readonly data = loadOnChange(
    () => this.version(),
    () => forkJoin({ campaigns: this.api.campaigns(), sites: this.api.sites() }),
  );

  protected readonly query = signal('');
  protected readonly kindFilter = signal<CampaignKind | ''>('');
  protected readonly sort = signal<SortState>({ active: 'campaignCode', direction: 'asc' });

  protected readonly sites = computed<SiteDto[]>(() => this.data().value?.sites ?? []);
  protected readonly all = computed<CampaignDto[]>(() => this.data().value?.campaigns ?? []);
  protected readonly rows = computed(() => {
    const q = this.query();
    const kind = this.kindFilter();
    const filtered = this.all().filter(
      (c) =>
        (!kind || c.kind === kind) &&
        matchesText(q, [c.campaignCode, c.name, c.client, c.siteCode]),
    );
    return sortRows(filtered, this.sort(), SORT_BY);
  });
  protected readonly columns = computed(() => {
    const base = ['campaignCode', 'name', 'kind', 'client', 'siteCode'];
    return this.canEdit() ? [...base, 'actions'] : base;
  });

  protected onSort(sort: Sort): void {
    this.sort.set({ active: sort.active, direction: sort.direction });
  }

  protected reload(): void {
    this.version.update((v) => v + 1);
  }

  protected exportCsv(): void {
    downloadCsv(csvFileName('campaigns'), toCsv(CSV_COLUMNS, this.rows()));
  }

  protected edit(campaign: CampaignDto | null): void {
    this.dialog
      .open<CampaignFormDialog, CampaignFormData, CampaignDto>(CampaignFormDialog, {
        data: { campaign, sites: this.sites() },
        width: '560px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.notify.done(`Campaign ${saved.campaignCode} saved.`);
          this.reload();
        }
      });
  }
}
