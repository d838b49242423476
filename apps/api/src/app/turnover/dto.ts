import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import {
  FlightRiskQuery,
  HIRE_COHORTS,
  HireCohort,
  RETENTION_GROUP_BY,
  RetentionGroupBy,
  RetentionQuery,
  TURNOVER_GROUP_BY,
  TURNOVER_SCOPES,
  TurnoverCostAssumptionsInput,
  TurnoverDriversQuery,
  TurnoverGroupBy,
  TurnoverScope,
  TurnoverSummaryQuery,
  WHAT_IF_METRICS,
  WhatIfAssumptionsDto,
  WhatIfMetric,
  WhatIfRequest,
  WORK_MODES,
} from '@floorwise/contracts';
import { IsLocalDate } from '../common/local-date.validator';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const CODE_MESSAGE = { message: '$property must be a code (letters, digits, "_", "-", ".")' };

export class SummaryQueryParams implements TurnoverSummaryQuery {
  @ApiPropertyOptional({
    example: '2025-01-01',
    description: 'default: first day of the month 11 months before `to`',
  })
  @IsOptional()
  @Validate(IsLocalDate)
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'default: today (UTC)' })
  @IsOptional()
  @Validate(IsLocalDate)
  to?: string;

  @ApiPropertyOptional({ enum: TURNOVER_GROUP_BY })
  @IsOptional()
  @IsIn(TURNOVER_GROUP_BY, { message: `groupBy must be one of ${TURNOVER_GROUP_BY.join(', ')}` })
  groupBy?: TurnoverGroupBy;

  @ApiPropertyOptional({ description: 'as-of date of the 90-day cohort; default `to`' })
  @IsOptional()
  @Validate(IsLocalDate)
  asOf?: string;

  @ApiPropertyOptional({ enum: HIRE_COHORTS, default: 'quarter' })
  @IsOptional()
  @IsIn(HIRE_COHORTS, { message: `cohort must be one of ${HIRE_COHORTS.join(', ')}` })
  cohort?: HireCohort;

  @ApiPropertyOptional({ enum: TURNOVER_SCOPES, default: 'mine' })
  @IsOptional()
  @IsIn(TURNOVER_SCOPES, { message: 'scope must be mine or org' })
  scope?: TurnoverScope;
}

export class CostQueryParams {
  @IsOptional()
  @Validate(IsLocalDate)
  from?: string;

  @IsOptional()
  @Validate(IsLocalDate)
  to?: string;

  @ApiPropertyOptional({ enum: TURNOVER_GROUP_BY })
  @IsOptional()
  @IsIn(TURNOVER_GROUP_BY, { message: `groupBy must be one of ${TURNOVER_GROUP_BY.join(', ')}` })
  groupBy?: TurnoverGroupBy;

  @IsOptional()
  @IsIn(HIRE_COHORTS)
  cohort?: HireCohort;
}

export class RetentionQueryParams implements RetentionQuery {
  @IsOptional()
  @Validate(IsLocalDate)
  hiredFrom?: string;

  @IsOptional()
  @Validate(IsLocalDate)
  hiredTo?: string;

  @ApiPropertyOptional({ description: 'default: today (UTC)' })
  @IsOptional()
  @Validate(IsLocalDate)
  asOf?: string;

  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  siteCode?: string;

  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  teamCode?: string;

  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  campaignCode?: string;

  @IsOptional()
  @IsIn(WORK_MODES, { message: `workMode must be one of ${WORK_MODES.join(', ')}` })
  workMode?: string;

  @IsOptional()
  @IsIn(TURNOVER_SCOPES, { message: 'scope must be mine or org' })
  scope?: TurnoverScope;
}

export class RetentionCurvesQueryParams {
  @ApiPropertyOptional({ enum: RETENTION_GROUP_BY, default: 'hire_cohort' })
  @IsOptional()
  @IsIn(RETENTION_GROUP_BY, { message: `groupBy must be one of ${RETENTION_GROUP_BY.join(', ')}` })
  groupBy?: RetentionGroupBy;

  @IsOptional()
  @IsIn(HIRE_COHORTS)
  cohort?: HireCohort;

  @IsOptional()
  @Validate(IsLocalDate)
  hiredFrom?: string;

  @IsOptional()
  @Validate(IsLocalDate)
  hiredTo?: string;

  @IsOptional()
  @Validate(IsLocalDate)
  asOf?: string;
}

export class DriversQueryParams implements TurnoverDriversQuery {
  @IsOptional()
  @Validate(IsLocalDate)
  from?: string;

  @IsOptional()
  @Validate(IsLocalDate)
  to?: string;

  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  teamCode?: string;

  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  siteCode?: string;
}

export class FlightRiskQueryParams implements FlightRiskQuery {
  @IsOptional()
  @Validate(IsLocalDate)
  asOf?: string;

  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  teamCode?: string;

  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  siteCode?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class CostAssumptionsBody implements TurnoverCostAssumptionsInput {
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  recruitingCents!: number;

  @IsNumber()
  @Min(0)
  @Max(52)
  trainingWeeks!: number;

  @IsNumber()
  @Min(0)
  @Max(104)
  rampWeeks!: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  rampProductivity!: number;
}

@ValidatorConstraint({ name: 'newHireMetric' })
export class NewHireMetricValue implements ValidatorConstraintInterface {
  validate(v: unknown): boolean {
    return v === 'roster' || (typeof v === 'number' && Number.isFinite(v));
  }
  defaultMessage(): string {
    return 'newHireMetric must be "roster" or a number';
  }
}

export class WhatIfAssumptionsBody implements Partial<WhatIfAssumptionsDto> {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  baseRateCents?: number;

  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(80)
  contractHours?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(0.99)
  monthlyVoluntaryAttrition?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(0.99)
  monthlyInvoluntaryAttrition?: number;

  @IsOptional()
  @IsBoolean()
  policyKeepsCurrentInvoluntary?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  recruitingCents?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(52)
  trainingWeeks?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(104)
  rampWeeks?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  rampProductivity?: number;

  @IsOptional()
  @Validate(NewHireMetricValue)
  newHireMetric?: 'roster' | number;
}

export class WhatIfBody implements WhatIfRequest {
  @IsIn(WHAT_IF_METRICS, { message: `metric must be one of ${WHAT_IF_METRICS.join(', ')}` })
  metric!: WhatIfMetric;

  @IsNumber()
  @Min(0)
  @Max(0.9)
  bottomShare!: number;

  @IsInt()
  @Min(1)
  @Max(60)
  periods!: number;

  @IsInt()
  @Min(1)
  @Max(12)
  periodMonths!: number;

  @IsOptional()
  @Validate(IsLocalDate)
  metricFrom?: string;

  @IsOptional()
  @Validate(IsLocalDate)
  metricTo?: string;

  @IsOptional()
  @Validate(IsLocalDate)
  asOf?: string;

  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  teamCode?: string;

  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  siteCode?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WhatIfAssumptionsBody)
  assumptions?: WhatIfAssumptionsBody;
}
