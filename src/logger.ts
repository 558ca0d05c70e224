import pino, { Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; tokens and personal data are never logged. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'apse-api' }, redact: ['req.headers.authorization'] });
}
