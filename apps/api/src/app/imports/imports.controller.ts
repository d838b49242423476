import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { IMPORT_KINDS, ImportKind, ImportResult } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { DomainError, DomainErrorCode, forbidden, notFound } from '../common/domain-error';
import { ImportService } from './import.service';
import type { ImportFormat } from './record-reader';

/** Kinds a manager may import (interfaces.md: admin all, manager shifts and calls). */
const MANAGER_KINDS: readonly ImportKind[] = ['shifts', 'calls'];

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  /** Body `text/csv` or `application/x-ndjson`, streamed; all or nothing. */
  @Roles('admin', 'manager')
  @Post(':kind')
  @HttpCode(200)
  @ApiConsumes('text/csv', 'application/x-ndjson')
  run(
    @Param('kind') kind: string,
    @Req() req: Request,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportResult> {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
      throw notFound(`There is no import of "${kind}"; kinds: ${IMPORT_KINDS.join(', ')}`);
    }
    const k = kind as ImportKind;
    if (user.role === 'manager' && !MANAGER_KINDS.includes(k)) {
      throw forbidden(`The manager role may import ${MANAGER_KINDS.join(' and ')} only`);
    }
    return this.imports.run(k, { body: req, format: formatOf(req), actorId: user.id });
  }
}

function formatOf(req: Request): ImportFormat {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') {
    return 'csv';
  }
  if (type === 'application/x-ndjson' || type === 'application/ndjson') {
    return 'ndjson';
  }
  throw new DomainError(
    DomainErrorCode.Invalid,
    `Content-Type "${type || '(none)'}" is not an import format: send text/csv or application/x-ndjson`,
  );
}
