import { createSecretKey } from 'node:crypto';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import pino from 'pino';
import { Env, ENV } from '../config/env';
import { dataSourceOptions } from '../database/data-source';
import { AuthController } from './auth/auth.controller';
import { BurnoutModule } from './burnout/burnout.module';
import { CallsModule } from './calls/calls.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { CallerCache } from './auth/caller-cache';
import { AppLogger } from './common/app-logger';
import { HttpErrorFilter } from './common/http-error.filter';
import { DemoLoginsService } from './demo/demo-logins.service';
import { DemoSeedService } from './demo/demo-seed.service';
import { HealthController } from './health/health.controller';
import { ImportsModule } from './imports/imports.module';
import { OrgModule } from './org/org.module';
import { SchedulesModule } from './schedules/schedules.module';
import { QuotasModule } from './quotas/quotas.module';
import { SpiffModule } from './spiff/spiff.module';
import { StaffingController } from './staffing/staffing.controller';
import { StaffingService } from './staffing/staffing.service';
import { TurnoverModule } from './turnover/turnover.module';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Log fields that may carry secrets or customer data; never written. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.customer_ref',
  '*.customerRef',
  '*.password',
];

@Global()
@Module({})
class EnvModule {
  static forRoot(env: Env): DynamicModule {
    const logger = new AppLogger(
      pino({ level: env.LOG_LEVEL, redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }),
    );
    return {
      module: EnvModule,
      providers: [
        { provide: ENV, useValue: env },
        { provide: AppLogger, useValue: logger },
      ],
      exports: [ENV, AppLogger],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(env: Env): DynamicModule {
    const jwtKey = createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8'));
    return {
      module: AppModule,
      imports: [
        EnvModule.forRoot(env),
        TypeOrmModule.forRoot(dataSourceOptions(env.DATABASE_URL)),
        JwtModule.register({
          // A KeyObject, not the string: jsonwebtoken tries the string as a public key first on
          // every verify (~0.5 ms, several under load, on every authenticated request).
          secretOrKeyProvider: () => jwtKey,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        ThrottlerModule.forRoot([{ name: 'login', ttl: 60_000, limit: env.LOGIN_RATE_LIMIT }]),
        ...(env.WEB_DIST_DIR
          ? [
              ServeStaticModule.forRoot({
                rootPath: env.WEB_DIST_DIR,
                exclude: ['/api/{*path}'],
                serveStaticOptions: { maxAge: '1h', index: 'index.html' },
              }),
            ]
          : []),
        ImportsModule,
        OrgModule,
        CallsModule,
        SchedulesModule,
        BurnoutModule,
        TurnoverModule,
        QuotasModule,
        SpiffModule,
      ],
      controllers: [AuthController, HealthController, UsersController, StaffingController],
      providers: [
        AuthService,
        CallerCache,
        UsersService,
        DemoLoginsService,
        DemoSeedService,
        StaffingService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
