import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  MyBonusDto,
  MyDrawDto,
  SpiffAwardDto,
  SpiffAwardList,
  SpiffAwardStatus,
  SpiffBulkResult,
  SpiffCampaignDto,
  SpiffCampaignInput,
  SpiffCostPreviewDto,
  SpiffDisputeDto,
  SpiffLeaderboardDto,
  SpiffPayTotalDto,
  SpiffResolveDisputeRequest,
} from '@floorwise/contracts';
import { Observable } from 'rxjs';

/** The SPIFF endpoints (docs/spiff.md): the agent's own bonuses, and the managers' campaigns and ledger. */
@Injectable({ providedIn: 'root' })
export class SpiffApi {
  private readonly http = inject(HttpClient);

  myBonus(): Observable<MyBonusDto> {
    return this.http.get<MyBonusDto>('/api/me/bonus');
  }

  reveal(campaignId: number, draw: number): Observable<MyDrawDto> {
    return this.http.post<MyDrawDto>(`/api/me/bonus/draws/${campaignId}/${draw}/reveal`, {});
  }

  dispute(awardId: number, comment: string): Observable<SpiffAwardDto> {
    return this.http.post<SpiffAwardDto>(`/api/me/bonus/awards/${awardId}/dispute`, { comment });
  }

  campaigns(): Observable<SpiffCampaignDto[]> {
    return this.http.get<SpiffCampaignDto[]>('/api/spiff/campaigns');
  }

  create(input: SpiffCampaignInput): Observable<SpiffCampaignDto> {
    return this.http.post<SpiffCampaignDto>('/api/spiff/campaigns', input);
  }

  update(id: number, input: SpiffCampaignInput): Observable<SpiffCampaignDto> {
    return this.http.put<SpiffCampaignDto>(`/api/spiff/campaigns/${id}`, input);
  }

  remove(id: number): Observable<void> {
    return this.http.delete<void>(`/api/spiff/campaigns/${id}`);
  }

  launch(id: number): Observable<SpiffCampaignDto> {
    return this.http.post<SpiffCampaignDto>(`/api/spiff/campaigns/${id}/launch`, {});
  }

  close(id: number): Observable<SpiffCampaignDto> {
    return this.http.post<SpiffCampaignDto>(`/api/spiff/campaigns/${id}/close`, {});
  }

  setBudget(id: number, budgetCents: number): Observable<SpiffCampaignDto> {
    return this.http.put<SpiffCampaignDto>(`/api/spiff/campaigns/${id}/budget`, { budgetCents });
  }

  preview(input: SpiffCampaignInput): Observable<SpiffCostPreviewDto> {
    return this.http.post<SpiffCostPreviewDto>('/api/spiff/preview', input);
  }

  leaderboard(id: number, scope: 'agent' | 'team'): Observable<SpiffLeaderboardDto> {
    return this.http.get<SpiffLeaderboardDto>(`/api/spiff/campaigns/${id}/leaderboard`, {
      params: new HttpParams().set('scope', scope),
    });
  }

  awards(q: {
    campaignId?: number;
    status?: SpiffAwardStatus;
    disputed?: boolean;
    limit?: number;
  }): Observable<SpiffAwardList> {
    let params = new HttpParams();
    for (const [k, v] of Object.entries(q)) {
      if (v !== undefined && v !== null) {
        params = params.set(k, String(v));
      }
    }
    return this.http.get<SpiffAwardList>('/api/spiff/awards', { params });
  }

  approve(ids: number[]): Observable<SpiffBulkResult> {
    return this.http.post<SpiffBulkResult>('/api/spiff/awards/approve', { ids });
  }

  void(ids: number[], reason: string): Observable<SpiffBulkResult> {
    return this.http.post<SpiffBulkResult>('/api/spiff/awards/void', { ids, reason });
  }

  pay(ids: number[]): Observable<SpiffBulkResult> {
    return this.http.post<SpiffBulkResult>('/api/spiff/awards/pay', { ids });
  }

  payrollTotals(from: string, to: string): Observable<SpiffPayTotalDto[]> {
    return this.http.get<SpiffPayTotalDto[]>('/api/spiff/payroll/totals', {
      params: new HttpParams().set('from', from).set('to', to),
    });
  }

  /** The CSV export's URL (a plain link: the session cookie goes with it). */
  payrollExportUrl(from: string, to: string): string {
    return `/api/spiff/payroll/export?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  }

  disputes(status?: 'open' | 'resolved'): Observable<SpiffDisputeDto[]> {
    return this.http.get<SpiffDisputeDto[]>('/api/spiff/disputes', {
      params: status ? new HttpParams().set('status', status) : undefined,
    });
  }

  resolve(id: number, body: SpiffResolveDisputeRequest): Observable<SpiffDisputeDto> {
    return this.http.post<SpiffDisputeDto>(`/api/spiff/disputes/${id}/resolve`, body);
  }
}
