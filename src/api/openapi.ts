import { z } from 'zod';
import { itemsQuery } from './items-routes.js';
import { errors, json, parametersOf, schemaOf } from './openapi-kit.js';
import { itemsPage, itemView, weeklySeries } from './openapi-shapes.js';
import { otherPaths, storyPaths } from './openapi-paths.js';
import { companyWeeklyQuery, weeklyQuery } from './stats-routes.js';

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(serverUrl?: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'china-ai-news research API', version: '0.1.0', description: 'Tagged news about the Chinese AI industry: query, search, export, weekly counts, stories, roundups.' },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'READ_TOKEN for reads when the server sets it; EDITOR_TOKEN for writes' } } },
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
      ...storyPaths(),
      ...otherPaths(),
    },
  };
}
