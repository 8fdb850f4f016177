import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';

/** The one place where error codes become HTTP statuses. */
const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  config: 500,
  fetch: 502,
  parse: 422,
  database: 503,
  internal: 500,
};

/** Renders any thrown value as `{error:{code,message}}`; unknown errors are logged and hidden. */
export function errorResponse(error: unknown, c: Context, log: Logger): Response {
  if (error instanceof AppError) {
    const status = statusOf[error.code];
    if (status >= 500) log.error({ err: error }, 'request failed');
    return c.json({ error: { code: error.code, message: error.message } }, status);
  }
  const status = (error as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return c.json({ error: { code: 'bad_request', message: (error as Error).message || 'bad request' } }, status as ContentfulStatusCode);
  }
  log.error({ err: error }, 'unexpected error');
  return c.json({ error: { code: 'internal', message: 'internal error; see the server log' } }, 500);
}
