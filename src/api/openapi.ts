import { z } from 'zod';
import { itemsQuery } from './items-routes.js';
import { companyWeeklyQuery, weeklyQuery } from './stats-routes.js';

/** Response shapes, written once here in zod so the document and the tests share them. */
export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export const itemView = z.object({
  id: z.number().int(),
  source: z.string(),
  sourceName: z.string(),
  url: z.string(),
  canonicalUrl: z.string(),
  title: z.string(),
  summary: z.string(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable().meta({ format: 'date-time' }),
  seenAt: z.string().meta({ format: 'date-time' }),
  language: z.string(),
  companies: z.array(z.string()),
  topics: z.array(z.string()),
  relevant: z.boolean(),
  storyId: z.number().int().nullable(),
  rank: z.number().optional().meta({ description: 'with sort=relevance' }),
  snippet: z.string().optional().meta({ description: 'with q: HTML-escaped text, matches in <mark>' }),
});
export const itemsPage = z.object({ items: z.array(itemView), nextCursor: z.string().nullable() });
export const weeklySeries = z.object({
  company: z.string().optional(),
  zone: z.string(),
  from: z.string(),
  to: z.string(),
  weeks: z.array(z.object({ week: z.string().meta({ example: '2025-W07' }), items: z.number().int(), stories: z.number().int() })),
});

type QuerySchema = z.ZodObject;

function parametersOf(schema: QuerySchema, path: string[] = []) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>> };
  const query = Object.entries(json.properties ?? {}).map(([name, property]) => {
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

function schemaOf(schema: z.ZodType) {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
  return rest;
}
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: schemaOf(schema) } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: { 400: 'a bad parameter (named in the message)', 401: 'missing or wrong token', 404: 'no such thing', 429: 'rate limited; see Retry-After' }[code] ?? 'error', ...json(errorBody) }]));

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(serverUrl?: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'china-ai-news research API', version: '0.1.0', description: 'Tagged news about the Chinese AI industry: query, search, export, weekly counts.' },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'READ_TOKEN for reads when the server sets it' } } },
    security: [{}, { bearer: [] }],
    paths: {
      '/api/items': {
        get: {
          operationId: 'listItems',
          summary: 'List, search or export items',
          parameters: parametersOf(itemsQuery),
          responses: {
            200: {
              description: 'a page of items (format=json), or the whole result streamed (csv, jsonl)',
              content: { 'application/json': { schema: schemaOf(itemsPage) }, 'text/csv': { schema: { type: 'string' } }, 'application/jsonl': { schema: { type: 'string' } } },
            },
            ...errors(400, 401, 429),
          },
        },
      },
      '/api/items/{id}': {
        get: { operationId: 'getItem', summary: 'One item with its tag evidence', parameters: parametersOf(z.object({}), ['id']), responses: { 200: { description: 'the item', ...json(itemView) }, ...errors(400, 401, 404) } },
      },
      '/api/stats/weekly': {
        get: { operationId: 'weeklyStats', summary: 'Items and stories per ISO week for any filter', parameters: parametersOf(weeklyQuery), responses: { 200: { description: 'one row per week, zeros included', ...json(weeklySeries) }, ...errors(400, 401, 429) } },
      },
      '/api/companies/{slug}/weekly': {
        get: {
          operationId: 'companyWeekly',
          summary: "One company's items and stories per ISO week",
          parameters: parametersOf(companyWeeklyQuery, ['slug']),
          responses: { 200: { description: 'one row per week, zeros included', ...json(weeklySeries) }, ...errors(400, 401, 404) },
        },
      },
    },
  };
}
