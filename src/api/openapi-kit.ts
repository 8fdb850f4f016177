import { z } from 'zod';

/** The one error body every 4xx carries. */
export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Query (and path) parameters of a route, from the zod schema that validates them. */
export function parametersOf(schema: z.ZodObject, path: string[] = []) {
  const described = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>> };
  const query = Object.entries(described.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    const list = ['company', 'topic', 'source'].includes(name);
    return {
      name,
      in: 'query',
      required: false,
      ...(description ? { description } : {}),
      ...(list ? { style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' } } } : { schema: rest }),
    };
  });
  return [...path.map((name) => ({ name, in: 'path', required: true, schema: { type: name === 'id' ? 'integer' : 'string' } })), ...query];
}

/** A zod response shape as JSON Schema. */
export function schemaOf(schema: z.ZodType) {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
  return rest;
}

/** A JSON response body. */
export const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: schemaOf(schema) } } });
/** The error responses of a route, all {error:{code,message}}. */
export const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: { 400: 'a bad parameter (named in the message)', 401: 'missing or wrong token', 404: 'no such thing', 409: 'conflict', 413: 'body too large', 429: 'rate limited; see Retry-After' }[code] ?? 'error', ...json(errorBody) }]));
