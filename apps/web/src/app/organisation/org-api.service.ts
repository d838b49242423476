import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AgentDto,
  AgentInput,
  AgentQuery,
  CampaignDto,
  CampaignInput,
  Page,
  SiteDto,
  SiteInput,
  TeamDto,
  TeamInput,
} from '@floorwise/contracts';
import { Observable } from 'rxjs';

const code = (value: string) => encodeURIComponent(value);

/** The organisation endpoints: sites, teams, campaigns and agents. Writes are admin-only on the API. */
@Injectable({ providedIn: 'root' })
export class OrgApi {
  private readonly http = inject(HttpClient);

  sites(): Observable<SiteDto[]> {
    return this.http.get<SiteDto[]>('/api/sites');
  }
  createSite(input: SiteInput): Observable<SiteDto> {
    return this.http.post<SiteDto>('/api/sites', input);
  }
  updateSite(siteCode: string, input: SiteInput): Observable<SiteDto> {
    return this.http.put<SiteDto>(`/api/sites/${code(siteCode)}`, input);
  }

  teams(): Observable<TeamDto[]> {
    return this.http.get<TeamDto[]>('/api/teams');
  }
  createTeam(input: TeamInput): Observable<TeamDto> {
    return this.http.post<TeamDto>('/api/teams', input);
  }
  updateTeam(teamCode: string, input: TeamInput): Observable<TeamDto> {
    return this.http.put<TeamDto>(`/api/teams/${code(teamCode)}`, input);
  }

  campaigns(): Observable<CampaignDto[]> {
    return this.http.get<CampaignDto[]>('/api/campaigns');
  }
  createCampaign(input: CampaignInput): Observable<CampaignDto> {
    return this.http.post<CampaignDto>('/api/campaigns', input);
  }
  updateCampaign(campaignCode: string, input: CampaignInput): Observable<CampaignDto> {
    return this.http.put<CampaignDto>(`/api/campaigns/${code(campaignCode)}`, input);
  }

  /** One page of agents; empty filters are left out of the query string. */
  agents(query: AgentQuery): Observable<Page<AgentDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') {
        params = params.set(key, String(value));
      }
    }
    return this.http.get<Page<AgentDto>>('/api/agents', { params });
  }
  agent(employeeCode: string): Observable<AgentDto> {
    return this.http.get<AgentDto>(`/api/agents/${code(employeeCode)}`);
  }
  createAgent(input: AgentInput): Observable<AgentDto> {
    return this.http.post<AgentDto>('/api/agents', input);
  }
  updateAgent(employeeCode: string, input: AgentInput): Observable<AgentDto> {
    return this.http.put<AgentDto>(`/api/agents/${code(employeeCode)}`, input);
  }
}
