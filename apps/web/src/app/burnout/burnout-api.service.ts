import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { BurnoutAgentDetail, BurnoutTeamView } from '@floorwise/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../service/calls-api.service';

/** The burnout endpoints: the team view, an agent's drill-down, the agent's own page. */
@Injectable({ providedIn: 'root' })
export class BurnoutApi {
  private readonly http = inject(HttpClient);

  team(q: { teamCode?: string; asOf?: string; days?: number }): Observable<BurnoutTeamView> {
    return this.http.get<BurnoutTeamView>('/api/burnout/team', { params: queryParams(q) });
  }

  agent(code: string, q: { asOf?: string; days?: number }): Observable<BurnoutAgentDetail> {
    return this.http.get<BurnoutAgentDetail>(`/api/burnout/agents/${encodeURIComponent(code)}`, {
      params: queryParams(q),
    });
  }

  mine(q: { asOf?: string; days?: number }): Observable<BurnoutAgentDetail> {
    return this.http.get<BurnoutAgentDetail>('/api/me/burnout', { params: queryParams(q) });
  }
}
