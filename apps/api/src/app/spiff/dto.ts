import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
} from 'class-validator';
import {
  SPIFF_AWARD_STATUSES,
  SPIFF_METRIC_NAMES,
  SpiffAwardIdsRequest,
  SpiffAwardStatus,
  SpiffCampaignInput,
  SpiffEligibilityDto,
  SpiffHandicapDto,
  SpiffMetricName,
  SpiffQualityGateDto,
  SpiffResolveDisputeRequest,
  SpiffRuleDto,
} from '@floorwise/contracts';
import { IsLocalDate } from '../common/local-date.validator';

/**
 * A campaign definition. Every field is checked by `resolveDefinition` (metrics.md §7 rules,
 * period, eligibility) so that all problems come back at once with their paths; here they are
 * only declared (`@Allow`) so the global whitelist accepts them and refuses anything else.
 */
export class CampaignBody implements SpiffCampaignInput {
  @ApiProperty({ example: 'November save sprint' })
  @Allow()
  name!: string;

  @ApiPropertyOptional()
  @Allow()
  description?: string | null;

  @ApiProperty({ enum: SPIFF_METRIC_NAMES })
  @Allow()
  metric!: SpiffMetricName;

  @ApiProperty({ example: 250_000, description: 'integer cents' })
  @Allow()
  budgetCents!: number;

  @ApiProperty({ example: '2026-11-01' })
  @Allow()
  periodFrom!: string;

  @ApiProperty({ example: '2026-11-30' })
  @Allow()
  periodTo!: string;

  @ApiProperty({
    description: 'one of the six rules of metrics.md §7',
    example: { type: 'tiered', tiers: [{ threshold: 10, amountCents: 2_500 }] },
  })
  @Allow()
  rule!: SpiffRuleDto;

  @ApiPropertyOptional({ example: { teamCodes: ['CHI-01'], siteCodes: [], campaignCodes: [] } })
  @Allow()
  eligibility?: Partial<SpiffEligibilityDto>;

  @ApiPropertyOptional({ example: { qaMin: 80, unscored: 'count' } })
  @Allow()
  qualityGate?: SpiffQualityGateDto | null;

  @ApiPropertyOptional({ example: { tenureDays: 90, targetPercent: 70 } })
  @Allow()
  handicap?: SpiffHandicapDto | null;
}

export class BudgetBody {
  @ApiProperty({ description: 'integer cents' })
  @IsInt({ message: 'budgetCents must be a whole number of cents' })
  @Min(1)
  budgetCents!: number;
}

export class AwardIdsBody implements SpiffAwardIdsRequest {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1, { message: 'ids must list at least one award' })
  @ArrayMaxSize(5_000)
  @IsInt({ each: true, message: 'ids must be award ids (whole numbers)' })
  ids!: number[];

  @ApiPropertyOptional({ description: 'why (required to void)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ResolveDisputeBody implements SpiffResolveDisputeRequest {
  @ApiProperty({ enum: ['upheld', 'rejected'] })
  @IsIn(['upheld', 'rejected'])
  outcome!: 'upheld' | 'rejected';

  @ApiProperty()
  @IsString()
  @MaxLength(2_000)
  comment!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  voidAward?: boolean;

  @ApiPropertyOptional({ description: 'integer cents of an adjustment award' })
  @IsOptional()
  @IsInt()
  @Min(0)
  adjustmentCents?: number;
}

export class DisputeBody {
  @ApiProperty()
  @IsString()
  @MaxLength(2_000)
  comment!: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export class AwardsQueryParams {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  campaignId?: number;

  @ApiPropertyOptional({ enum: SPIFF_AWARD_STATUSES })
  @IsOptional()
  @IsIn(SPIFF_AWARD_STATUSES)
  status?: SpiffAwardStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE)
  teamCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE)
  employeeCode?: string;

  @ApiPropertyOptional({ description: 'only awards with an open dispute' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  disputed?: boolean;

  @ApiPropertyOptional({ default: 200, maximum: 2000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class PayPeriodParams {
  @ApiProperty({ example: '2026-11-01', description: 'first local date of the pay period' })
  @Validate(IsLocalDate)
  from!: string;

  @ApiProperty({ example: '2026-11-15', description: 'last local date of the pay period' })
  @Validate(IsLocalDate)
  to!: string;
}

export class LeaderboardParams {
  @ApiPropertyOptional({ enum: ['agent', 'team'], default: 'agent' })
  @IsOptional()
  @IsIn(['agent', 'team'])
  scope?: 'agent' | 'team';
}

export class DisputesParams {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';
}
