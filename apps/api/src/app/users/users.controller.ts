import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UserDto } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateUserBody, ResetPasswordBody, UpdateUserBody } from './dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('admin')
  @Get()
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Roles('admin')
  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserBody): Promise<UserDto> {
    return this.users.create(actor, body);
  }

  @Roles('admin')
  @Patch(':id')
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateUserBody,
  ): Promise<UserDto> {
    return this.users.update(actor, id, body);
  }

  @Roles('admin')
  @Post(':id/password')
  @HttpCode(204)
  resetPassword(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ResetPasswordBody,
  ): Promise<void> {
    return this.users.resetPassword(actor, id, body);
  }
}
