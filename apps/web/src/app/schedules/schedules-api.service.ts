import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AbsenceInput,
  AgentScheduleDto,
  PatternInput,
  PatternResult,
  PayEstimatesDto,
  PayRulesDto,
  PayRulesInput,
  RosterDto,
  SendHomeInput,
  ShiftCreateInput,
  ShiftDto,
  ShiftUpdateInput,
  StaffingGapDto,
} from '@floorwise/contracts';
import { Observable } from 'rxjs';

function params(query: Record<string, string | number | undefined | null>): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      result = result.set(key, String(value));
    }
  }
  return result;
}

/** The schedules endpoints: rosters, shifts, pay, pay rules and the staffing gap. */
@Injectable({ providedIn: 'root' })
export class SchedulesApi {
  private readonly http = inject(HttpClient);

  roster(from: string, to: string, teamCode?: string | null): Observable<RosterDto> {
    return this.http.get<RosterDto>('/api/schedules/roster', {
      params: params({ from, to, teamCode }),
    });
  }

  mySchedule(): Observable<AgentScheduleDto> {
    return this.http.get<AgentScheduleDto>('/api/me/schedule');
  }

  agentSchedule(employeeCode: string): Observable<AgentScheduleDto> {
    return this.http.get<AgentScheduleDto>(
      `/api/schedules/agents/${encodeURIComponent(employeeCode)}`,
    );
  }

  gap(campaignCode: string, intervalMinutes = 30): Observable<StaffingGapDto> {
    return this.http.get<StaffingGapDto>('/api/schedules/staffing-gap', {
      params: params({ campaignCode, intervalMinutes }),
    });
  }

  payEstimates(q: { date?: string; siteCode?: string | null; teamCode?: string | null }) {
    return this.http.get<PayEstimatesDto>('/api/pay/estimates', { params: params(q) });
  }

  payrollCsv(q: { date?: string; siteCode?: string | null; teamCode?: string | null }) {
    return this.http.get('/api/pay/estimates/csv', { params: params(q), responseType: 'text' });
  }

  payRules(): Observable<PayRulesDto[]> {
    return this.http.get<PayRulesDto[]>('/api/pay-rules');
  }

  savePayRules(siteCode: string, body: PayRulesInput): Observable<PayRulesDto> {
    return this.http.put<PayRulesDto>(`/api/pay-rules/${encodeURIComponent(siteCode)}`, body);
  }

  createShift(body: ShiftCreateInput): Observable<ShiftDto> {
    return this.http.post<ShiftDto>('/api/shifts', body);
  }

  updateShift(id: string, body: ShiftUpdateInput): Observable<ShiftDto> {
    return this.http.put<ShiftDto>(`/api/shifts/${encodeURIComponent(id)}`, body);
  }

  deleteShift(id: string): Observable<void> {
    return this.http.delete<void>(`/api/shifts/${encodeURIComponent(id)}`);
  }

  absence(id: string, body: AbsenceInput): Observable<ShiftDto> {
    return this.http.post<ShiftDto>(`/api/shifts/${encodeURIComponent(id)}/absence`, body);
  }

  sendHome(id: string, body: SendHomeInput): Observable<ShiftDto> {
    return this.http.post<ShiftDto>(`/api/shifts/${encodeURIComponent(id)}/send-home`, body);
  }

  pattern(body: PatternInput): Observable<PatternResult> {
    return this.http.post<PatternResult>('/api/shifts/pattern', body);
  }
}
