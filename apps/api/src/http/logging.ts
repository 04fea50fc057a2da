import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';
import type { AppConfig } from '@app/platform/config/config';

const PINO_LEVEL: Record<AppConfig['logLevel'], pino.Level> = {
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
};

/**
 * The service's one logger: pino writing JSON lines to stdout asynchronously (a buffered
 * destination flushed off the request path). `LOG_LEVEL=warn` silences per-request lines.
 * Nothing that carries a credential or a body is ever passed to it; the redaction paths are
 * a second line of defence for anything that would be.
 */
export function createLogger(level: AppConfig['logLevel']): Pino {
  return pino(
    {
      level: PINO_LEVEL[level],
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'headers.authorization',
          'headers["x-api-key"]',
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'body',
          'req.body',
          'password',
          'key',
          'accessToken',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );
}

/** Nest's logger interface over pino, so framework and app messages share one stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: pino.Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const context = typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    if (message !== null && typeof message === 'object') {
      this.pino[level]({ context, ...(message as Record<string, unknown>) });
    } else {
      this.pino[level]({ context }, String(message));
    }
  }
}

export interface ApiLogging {
  readonly pino: Pino;
  readonly nest: LoggerService;
}

export function createApiLogging(config: Pick<AppConfig, 'logLevel'>): ApiLogging {
  const logger = createLogger(config.logLevel);
  return { pino: logger, nest: new PinoNestLogger(logger) };
}
