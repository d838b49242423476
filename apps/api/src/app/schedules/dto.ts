import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
} from 'class-validator';
import {
  AbsenceInput,
  PAY_PERIOD_KINDS,
  PatternDay,
  PatternInput,
  PayPeriodKind,
  PayRulesInput,
  SEND_HOME_REASONS,
  SendHomeInput,
  SendHomeReason,
  SHIFT_KINDS,
  SHIFT_STATUSES,
  ShiftCreateInput,
  ShiftKind,
  ShiftStatus,
  ShiftUpdateInput,
} from '@floorwise/contracts';
import { IsLocalDate } from '../common/local-date.validator';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const CODE_MESSAGE = 'must be a code (letters, digits, "_", "-", "." only)';
const CODE_LIST = /^[A-Za-z0-9][A-Za-z0-9_.-]*(,[A-Za-z0-9][A-Za-z0-9_.-]*)*$/;
const INSTANT_EXAMPLE = '2026-12-07T09:00:00-06:00';

export class RosterQuery {
  @ApiProperty({ example: '2026-11-30' })
  @Validate(IsLocalDate)
  from!: string;

  @ApiProperty({ example: '2026-12-06' })
  @Validate(IsLocalDate)
  to!: string;

  @ApiPropertyOptional({ description: 'One team code, or several separated by commas' })
  @IsOptional()
  @Matches(CODE_LIST, { message: `teamCode must be team codes separated by commas` })
  teamCode?: string;
}

export class PayEstimatesQuery {
  @ApiPropertyOptional({
    description: 'A local date; the pay period containing it (default today)',
  })
  @IsOptional()
  @Validate(IsLocalDate)
  date?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE, { message: `siteCode ${CODE_MESSAGE}` })
  siteCode?: string;

  @ApiPropertyOptional({ description: 'One team code, or several separated by commas' })
  @IsOptional()
  @Matches(CODE_LIST, { message: `teamCode must be team codes separated by commas` })
  teamCode?: string;
}

export class StaffingGapQuery {
  @ApiProperty()
  @Matches(CODE, { message: `campaignCode ${CODE_MESSAGE}` })
  campaignCode!: string;

  @ApiPropertyOptional({ enum: [15, 30, 60], default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsIn([15, 30, 60], { message: 'intervalMinutes must be 15, 30 or 60' })
  intervalMinutes?: 15 | 30 | 60;
}

export class ShiftCreateBody implements ShiftCreateInput {
  @ApiProperty()
  @Matches(CODE, { message: `employeeCode ${CODE_MESSAGE}` })
  employeeCode!: string;

  @ApiProperty({
    example: INSTANT_EXAMPLE,
    description: 'ISO 8601 with offset, or local YYYY-MM-DDTHH:mm',
  })
  @IsString()
  @MaxLength(40)
  start!: string;

  @ApiProperty({ example: '2026-12-07T17:30:00-06:00' })
  @IsString()
  @MaxLength(40)
  end!: string;

  @ApiPropertyOptional({ enum: SHIFT_KINDS })
  @IsOptional()
  @IsIn(SHIFT_KINDS)
  kind?: ShiftKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  breakMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class ShiftUpdateBody implements ShiftUpdateInput {
  @ApiProperty({ example: INSTANT_EXAMPLE })
  @IsString()
  @MaxLength(40)
  start!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(40)
  end!: string;

  @ApiProperty({ enum: SHIFT_KINDS })
  @IsIn(SHIFT_KINDS)
  kind!: ShiftKind;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(720)
  breakMinutes!: number;

  @ApiProperty({ enum: SHIFT_STATUSES })
  @IsIn(SHIFT_STATUSES)
  status!: ShiftStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  actualStart?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  actualEnd?: string | null;

  @ApiPropertyOptional({ enum: SEND_HOME_REASONS })
  @IsOptional()
  @IsIn(SEND_HOME_REASONS)
  sendHomeReason?: SendHomeReason | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class AbsenceBody implements AbsenceInput {
  @ApiProperty({ enum: ['unplanned', 'excused'] })
  @IsIn(['unplanned', 'excused'])
  type!: 'unplanned' | 'excused';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class SendHomeBody implements SendHomeInput {
  @ApiProperty({ enum: SEND_HOME_REASONS })
  @IsIn(SEND_HOME_REASONS)
  reason!: SendHomeReason;

  @ApiPropertyOptional({ description: 'When the agent left (default now)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  at?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  actualStart?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class PatternDayBody implements PatternDay {
  @ApiProperty({ minimum: 1, maximum: 7 })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ApiProperty({ example: '09:00' })
  @IsString()
  start!: string;

  @ApiProperty({ example: '17:30' })
  @IsString()
  end!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  breakMinutes?: number;

  @ApiPropertyOptional({ enum: SHIFT_KINDS })
  @IsOptional()
  @IsIn(SHIFT_KINDS)
  kind?: ShiftKind;
}

export class PatternBody implements PatternInput {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(CODE, { each: true, message: `each employee code ${CODE_MESSAGE}` })
  employeeCodes!: string[];

  @ApiProperty({ example: '2026-12-07' })
  @Validate(IsLocalDate)
  from!: string;

  @ApiProperty({ example: '2026-12-20' })
  @Validate(IsLocalDate)
  to!: string;

  @ApiProperty({ type: [PatternDayBody] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => PatternDayBody)
  days!: PatternDayBody[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  preview?: boolean;
}

export class PayRulesBody implements PayRulesInput {
  @ApiProperty({ example: 40 })
  @IsNumber()
  contractHours!: number;

  @ApiProperty({ example: 1.5 })
  @IsNumber()
  overtimeMultiplier!: number;

  @ApiProperty({ example: 22 })
  @IsInt()
  nightStart!: number;

  @ApiProperty({ example: 6 })
  @IsInt()
  nightEnd!: number;

  @ApiProperty({ example: 0.1 })
  @IsNumber()
  nightPct!: number;

  @ApiProperty({ example: 0.1 })
  @IsNumber()
  weekendPct!: number;

  @ApiProperty({ example: 0.5 })
  @IsNumber()
  holidayPct!: number;

  @ApiProperty({ example: [6, 7] })
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  weekendDays!: number[];

  @ApiProperty({ example: 0 })
  @IsNumber()
  minReportingPayHours!: number;

  @ApiProperty({ enum: PAY_PERIOD_KINDS })
  @IsIn(PAY_PERIOD_KINDS)
  payPeriod!: PayPeriodKind;

  @ApiProperty({ example: '2025-12-29' })
  @Validate(IsLocalDate)
  payPeriodAnchor!: string;
}
