import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CallList,
  CallListQuery,
  CallStatsQuery,
  CallStatsRow,
  HandleTimeRow,
} from '@floorwise/contracts';
import { Observable } from 'rxjs';

/** Query parameters with empty values left out. */
export function queryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params = params.set(key, String(value));
    }
  }
  return params;
}

/** The calls endpoints: service figures, handle-time distribution, and the calls behind them. */
@Injectable({ providedIn: 'root' })
export class CallsApi {
  private readonly http = inject(HttpClient);

  stats(query: CallStatsQuery): Observable<CallStatsRow[]> {
    return this.http.get<CallStatsRow[]>('/api/calls/stats', { params: queryParams(query) });
  }

  handleTime(query: CallStatsQuery): Observable<HandleTimeRow[]> {
    return this.http.get<HandleTimeRow[]>('/api/calls/handle-time', {
      params: queryParams(query),
    });
  }

  /** The calls behind a figure, newest first; the customer comes masked (`••••1234`). */
  calls(query: CallListQuery): Observable<CallList> {
    return this.http.get<CallList>('/api/calls', { params: queryParams(query) });
  }
}
