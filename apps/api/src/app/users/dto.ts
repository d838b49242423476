import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  CreateUserRequest,
  ResetPasswordRequest,
  Role,
  ROLES,
  UpdateUserRequest,
} from '@floorwise/contracts';

export class CreateUserBody implements CreateUserRequest {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password!: string;

  @IsIn(ROLES)
  role!: Role;

  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/)
  employeeCode?: string | null;
}

export class UpdateUserBody implements UpdateUserRequest {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/)
  employeeCode?: string | null;
}

export class ResetPasswordBody implements ResetPasswordRequest {
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password!: string;
}
