import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DomainError, DomainErrorCode } from './domain-error';

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  [DomainErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.Conflict]: HttpStatus.CONFLICT,
  [DomainErrorCode.Invalid]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.TooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [DomainErrorCode.InvalidImport]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** Every error leaves as `{statusCode, error, message}` (interfaces.md), plus any extra fields. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      res.end();
      return;
    }
    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let message = 'Internal server error';
    let extra: Record<string, unknown> = {};
    if (exception instanceof DomainError) {
      status = DOMAIN_STATUS[exception.code];
      message = exception.message;
      extra = exception.body;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'string') {
        message = body;
      } else if (body && typeof body === 'object') {
        const { message: m, statusCode: _s, error: _e, ...rest } = body as Record<string, unknown>;
        message = Array.isArray(m) ? m.join('; ') : typeof m === 'string' ? m : exception.message;
        extra = rest;
      }
    } else if (isBodyParserError(exception)) {
      status = exception.status;
      message =
        status === HttpStatus.PAYLOAD_TOO_LARGE
          ? 'The request body is too large'
          : `The request body could not be read: ${exception.message}`;
    } else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    res.status(status).json({
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message,
      ...extra,
    });
  }
}

function isBodyParserError(e: unknown): e is { status: number; message: string; type: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { status?: unknown }).status === 'number' &&
    typeof (e as { type?: unknown }).type === 'string'
  );
}
