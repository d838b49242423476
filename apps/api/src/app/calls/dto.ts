import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, Validate } from 'class-validator';
import { CallListQuery, CallStatsQuery, STATS_GROUP_BY, StatsGroupBy } from '@floorwise/contracts';
import { IsLocalDate } from '../common/local-date.validator';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export class StatsQueryParams implements CallStatsQuery {
  @ApiProperty({ example: '2026-11-01' })
  @Validate(IsLocalDate)
  from!: string;

  @ApiProperty({ example: '2026-11-23' })
  @Validate(IsLocalDate)
  to!: string;

  @ApiProperty({ enum: STATS_GROUP_BY })
  @IsIn(STATS_GROUP_BY)
  groupBy!: StatsGroupBy;

  @ApiPropertyOptional({ enum: [15, 30, 60], default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsIn([15, 30, 60], { message: 'intervalMinutes must be 15, 30 or 60' })
  intervalMinutes?: 15 | 30 | 60;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  slaSeconds?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE)
  teamCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE)
  campaignCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE)
  employeeCode?: string;
}

export class HandleTimeQueryParams extends StatsQueryParams {}

export class CallListParams implements CallListQuery {
  @Validate(IsLocalDate)
  from!: string;

  @Validate(IsLocalDate)
  to!: string;

  @IsOptional()
  @IsIn(STATS_GROUP_BY)
  groupBy?: StatsGroupBy;

  /** The row key of a stats table (a day, a local interval start, or a code). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9:_.T-]{1,64}$/)
  key?: string;

  @IsOptional()
  @Type(() => Number)
  @IsIn([15, 30, 60])
  intervalMinutes?: 15 | 30 | 60;

  @IsOptional()
  @Matches(CODE)
  teamCode?: string;

  @IsOptional()
  @Matches(CODE)
  campaignCode?: string;

  @IsOptional()
  @Matches(CODE)
  employeeCode?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
