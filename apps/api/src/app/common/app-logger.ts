import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Level, Logger as Pino } from 'pino';

/**
 * Nest's logger on pino: one JSON line per message, with the Nest `context` (the class name).
 * Nest calls `error(message, stack?, context?)` and the others `(message, context?)`.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  private write(level: Level, message: unknown, optional: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) {
      return;
    }
    const rest = [...optional];
    const context =
      rest.length > 0 && typeof rest[rest.length - 1] === 'string'
        ? (rest.pop() as string)
        : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) {
      this.pino[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ context, ...message });
    } else {
      this.pino[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}

/**
 * One line per finished request — method, URL, status, time — at `info`, or `error` for a 5xx
 * (`/api/health` is not logged). Headers and bodies are never logged. Nothing is built per
 * request unless the line is written: pino-http made two child loggers and an async context for
 * every request, ~10 % of a saturated API's CPU (docs/benchmarks.md "Floor snapshot").
 */
export function requestLog(pino: Pino): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    if (!pino.isLevelEnabled('error') || req.url.startsWith('/api/health')) {
      next();
      return;
    }
    const start = performance.now();
    res.once('close', () => {
      const level: Level = res.statusCode >= 500 ? 'error' : 'info';
      if (!pino.isLevelEnabled(level)) {
        return;
      }
      pino[level](
        {
          req: { method: req.method, url: req.originalUrl },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - start),
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      );
    });
    next();
  };
}
