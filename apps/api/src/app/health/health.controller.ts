import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '@floorwise/contracts';
import { Public } from '../auth/roles.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  /** `200 {status:"ok", db:"up"}`; `503` when the database does not answer within 2 s. */
  @Public()
  @Get()
  @HttpCode(200)
  async health(): Promise<HealthResponse> {
    const up = await Promise.race([
      this.db.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
    ]);
    if (!up) {
      throw new ServiceUnavailableException({
        message: 'The database is down',
        status: 'error',
        db: 'down',
      });
    }
    return { status: 'ok', db: 'up' };
  }
}
