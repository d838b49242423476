import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ErlangCResponse, StaffingForecast } from '@floorwise/contracts';
import { Observable } from 'rxjs';
import { ErlangCurvePoint, ErlangQuery } from './erlang-form';

function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    result = result.set(key, String(value));
  }
  return result;
}

/** The staffing endpoints: Erlang C for one interval, its curve, and a campaign's forecast week. */
@Injectable({ providedIn: 'root' })
export class StaffingApi {
  private readonly http = inject(HttpClient);

  erlangC(query: ErlangQuery): Observable<ErlangCResponse> {
    return this.http.get<ErlangCResponse>('/api/staffing/erlang-c', { params: params(query) });
  }

  curve(query: ErlangQuery): Observable<ErlangCurvePoint[]> {
    return this.http.get<ErlangCurvePoint[]>('/api/staffing/erlang-c/curve', {
      params: params(query),
    });
  }

  forecast(campaignCode: string, intervalMinutes = 30): Observable<StaffingForecast> {
    return this.http.get<StaffingForecast>('/api/staffing/forecast', {
      params: params({ campaignCode, intervalMinutes }),
    });
  }
}
