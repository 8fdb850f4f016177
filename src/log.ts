import { pino, type Logger } from 'pino';

export type { Logger };

/** A JSON-lines logger on stderr, so stdout stays free for CLI data. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2));
}
