import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { DateTime, IANAZone } from 'luxon';
import {
  AgentInput,
  AgentQuery,
  CAMPAIGN_KINDS,
  CampaignInput,
  CampaignKind,
  SiteInput,
  TERMINATION_TYPES,
  TeamInput,
  TerminationType,
  WORK_MODES,
  WorkMode,
} from '@floorwise/contracts';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const CODE_MESSAGE = 'must be a code (letters, digits, "_", "-", "." only)';

@ValidatorConstraint({ name: 'ianaZone' })
class IanaZone implements ValidatorConstraintInterface {
  validate(v: unknown): boolean {
    return typeof v === 'string' && IANAZone.isValidZone(v);
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as America/Chicago';
  }
}

@ValidatorConstraint({ name: 'localDate' })
class LocalDate implements ValidatorConstraintInterface {
  validate(v: unknown): boolean {
    return (
      typeof v === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(v) &&
      DateTime.fromISO(v, { zone: 'UTC' }).isValid
    );
  }
  defaultMessage(): string {
    return '$property must be a date YYYY-MM-DD that exists';
  }
}

export class SiteBody implements SiteInput {
  @Matches(CODE, { message: `siteCode ${CODE_MESSAGE}` })
  @MaxLength(64)
  siteCode!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Validate(IanaZone)
  timeZone!: string;

  @IsOptional()
  @ArrayMaxSize(400)
  @Validate(LocalDate, { each: true })
  holidays?: string[];
}

export class TeamBody implements TeamInput {
  @Matches(CODE, { message: `teamCode ${CODE_MESSAGE}` })
  @MaxLength(64)
  teamCode!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Matches(CODE, { message: `siteCode ${CODE_MESSAGE}` })
  siteCode!: string;

  @IsOptional()
  @IsEmail()
  managerEmail?: string | null;
}

export class CampaignBody implements CampaignInput {
  @Matches(CODE, { message: `campaignCode ${CODE_MESSAGE}` })
  @MaxLength(64)
  campaignCode!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsIn(CAMPAIGN_KINDS)
  kind!: CampaignKind;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  client?: string | null;

  @IsOptional()
  @Matches(CODE, { message: `siteCode ${CODE_MESSAGE}` })
  siteCode?: string | null;
}

export class AgentBody implements AgentInput {
  @Matches(CODE, { message: `employeeCode ${CODE_MESSAGE}` })
  @MaxLength(64)
  employeeCode!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName!: string;

  @IsEmail()
  email!: string;

  @Matches(CODE, { message: `teamCode ${CODE_MESSAGE}` })
  teamCode!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @IsIn(WORK_MODES)
  workMode!: WorkMode;

  @Validate(LocalDate)
  hireDate!: string;

  @IsOptional()
  @Validate(LocalDate)
  terminationDate?: string | null;

  @IsOptional()
  @IsIn(TERMINATION_TYPES)
  terminationType?: TerminationType | null;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  terminationReason?: string | null;

  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  hourlyRateCents!: number;

  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(80)
  contractHours?: number;
}

export class AgentQueryParams implements AgentQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE)
  teamCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE)
  siteCode?: string;

  @ApiPropertyOptional({ enum: WORK_MODES })
  @IsOptional()
  @IsIn(WORK_MODES)
  workMode?: WorkMode;

  @ApiPropertyOptional({ enum: ['active', 'separated', 'all'] })
  @IsOptional()
  @IsIn(['active', 'separated', 'all'])
  status?: 'active' | 'separated' | 'all';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}
