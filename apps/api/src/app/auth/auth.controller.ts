import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import type { LoginResponse, SessionUser } from '@floorwise/contracts';
import { Env, ENV } from '../../config/env';
import { DemoLoginsService } from '../demo/demo-logins.service';
import type { AuthUser } from './auth-user';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { LoginBody } from './dto';
import { Public, Roles } from './roles.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly demo: DemoLoginsService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  async login(
    @Body() body: LoginBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const result = await this.auth.login(body.email, body.password);
    res.cookie(SESSION_COOKIE, result.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.env.COOKIE_SECURE,
      path: '/',
      maxAge: this.env.SESSION_TTL_SECONDS * 1000,
    });
    return result;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  logout(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
  }

  @Roles('admin', 'manager', 'hr', 'agent')
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<SessionUser> {
    return this.auth.sessionUser(user);
  }

  /** The demo sign-ins, only while the database holds the demo data (404 otherwise). */
  @Public()
  @Get('demo-logins')
  async demoLogins(): Promise<{ email: string; role: string; password: string }[]> {
    const logins = await this.demo.logins();
    if (logins.length === 0) {
      throw new NotFoundException('No demo accounts on this server');
    }
    return logins;
  }
}
