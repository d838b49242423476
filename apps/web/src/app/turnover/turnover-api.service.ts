import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  FlightRiskDto,
  FlightRiskQuery,
  HireCohort,
  RetentionCurveDto,
  RetentionCurvesDto,
  RetentionGroupBy,
  RetentionQuery,
  TurnoverCostAssumptionsDto,
  TurnoverCostAssumptionsInput,
  TurnoverCostDto,
  TurnoverDriversDto,
  TurnoverDriversQuery,
  TurnoverGroupBy,
  TurnoverSummary,
  TurnoverSummaryQuery,
  WhatIfRequest,
  WhatIfResultDto,
} from '@floorwise/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../service/calls-api.service';

/** The turnover endpoints (docs/turnover.md). */
@Injectable({ providedIn: 'root' })
export class TurnoverApi {
  private readonly http = inject(HttpClient);

  summary(query: TurnoverSummaryQuery): Observable<TurnoverSummary> {
    return this.http.get<TurnoverSummary>('/api/turnover/summary', { params: queryParams(query) });
  }

  retention(query: RetentionQuery): Observable<RetentionCurveDto> {
    return this.http.get<RetentionCurveDto>('/api/turnover/retention', {
      params: queryParams(query),
    });
  }

  curves(query: {
    groupBy: RetentionGroupBy;
    cohort?: HireCohort;
    asOf?: string;
  }): Observable<RetentionCurvesDto> {
    return this.http.get<RetentionCurvesDto>('/api/turnover/retention/curves', {
      params: queryParams(query),
    });
  }

  cost(query: {
    from: string;
    to: string;
    groupBy?: TurnoverGroupBy;
  }): Observable<TurnoverCostDto> {
    return this.http.get<TurnoverCostDto>('/api/turnover/cost', { params: queryParams(query) });
  }

  costAssumptions(): Observable<TurnoverCostAssumptionsDto[]> {
    return this.http.get<TurnoverCostAssumptionsDto[]>('/api/turnover/cost-assumptions');
  }

  saveCostAssumptions(
    siteCode: string,
    body: TurnoverCostAssumptionsInput,
  ): Observable<TurnoverCostAssumptionsDto> {
    return this.http.put<TurnoverCostAssumptionsDto>(
      `/api/turnover/cost-assumptions/${encodeURIComponent(siteCode)}`,
      body,
    );
  }

  drivers(query: TurnoverDriversQuery): Observable<TurnoverDriversDto> {
    return this.http.get<TurnoverDriversDto>('/api/turnover/drivers', {
      params: queryParams(query),
    });
  }

  flightRisk(query: FlightRiskQuery): Observable<FlightRiskDto> {
    return this.http.get<FlightRiskDto>('/api/turnover/flight-risk', {
      params: queryParams(query),
    });
  }

  whatIf(body: WhatIfRequest): Observable<WhatIfResultDto> {
    return this.http.post<WhatIfResultDto>('/api/turnover/what-if', body);
  }
}
