import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
} from 'class-validator';
import type {
  BurnoutAgentsQuery,
  BurnoutConfigBody,
  BurnoutConfigUpdate,
  BurnoutRecomputeRequest,
} from '@floorwise/contracts';
import { IsLocalDate } from '../common/local-date.validator';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export class BurnoutAgentsParams implements BurnoutAgentsQuery {
  @ApiPropertyOptional({ example: '2026-11-20', description: 'default: yesterday (every site)' })
  @IsOptional()
  @Validate(IsLocalDate)
  asOf?: string;

  @ApiPropertyOptional({ example: 'CHI-01' })
  @IsOptional()
  @Matches(CODE, { message: 'teamCode must be a team code' })
  teamCode?: string;
}

export class BurnoutTeamParams extends BurnoutAgentsParams {
  @ApiPropertyOptional({ default: 90, description: 'days of trend ending on asOf' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(7)
  @Max(400)
  days?: number;
}

export class BurnoutDetailParams {
  @ApiPropertyOptional({ example: '2026-11-20' })
  @IsOptional()
  @Validate(IsLocalDate)
  asOf?: string;

  @ApiPropertyOptional({ default: 90 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(7)
  @Max(400)
  days?: number;
}

export class BurnoutConfigUpdateBody implements BurnoutConfigUpdate {
  @IsObject()
  config!: BurnoutConfigBody;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class BurnoutRecomputeBody implements BurnoutRecomputeRequest {
  @IsOptional()
  @Validate(IsLocalDate)
  asOf?: string;
}
