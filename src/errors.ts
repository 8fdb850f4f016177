/** The closed list of error codes; src/api/errors.ts maps each one to an HTTP status. */
export const errorCodes = [
  'bad_request',
  'unauthorized',
  'not_found',
  'conflict',
  'payload_too_large',
  'unprocessable',
  'rate_limited',
  'config',
  'fetch',
  'parse',
  'database',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** A typed error whose message a person can act on: it names the step and the thing. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }
}

export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a successful Result. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Wraps an error as a failed Result. */
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** A readable one-line message for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
