import { z } from 'zod';
import { errors, json, parametersOf, schemaOf } from './openapi-kit.js';
import { storiesPage, storyDetail } from './openapi-shapes.js';
import { roundupQuery } from './roundups-routes.js';
import { storiesQuery } from './stories-routes.js';

/** Shapes this document only names (their fields are listed in the README). */
const anyObject = z.object({}).passthrough();
const noParams = z.object({});

/** /api/stories and /api/stories/{id}. */
export function storyPaths() {
  return {
    '/api/stories': {
      get: {
        operationId: 'listStories',
        summary: 'Stories with at least one item matching the filters (the collapsed view of /api/items)',
        parameters: parametersOf(storiesQuery),
        responses: { 200: { description: 'a page of stories', ...json(storiesPage) }, ...errors(400, 401, 429) },
      },
    },
    '/api/stories/{id}': {
      get: { operationId: 'getStory', summary: 'One story with all its items; a merged id answers with the survivor', parameters: parametersOf(noParams, ['id']), responses: { 200: { description: 'the story', ...json(storyDetail) }, ...errors(400, 401, 404) } },
    },
  };
}

/** The operational routes: sources, runs, fetch, roundups, the company catalogue, health. */
export function otherPaths() {
  const plain = (operationId: string, summary: string, path: string[] = [], query: z.ZodObject = noParams, codes = [401]) => ({
    get: { operationId, summary, parameters: parametersOf(query, path), responses: { 200: { description: summary, ...json(anyObject) }, ...errors(...codes) } },
  });
  return {
    '/api/sources': plain('listSources', 'Every source with its fetch state and health'),
    '/api/runs': plain('listRuns', 'Recent fetch runs'),
    '/api/runs/{id}': plain('getRun', 'One fetch run with its attempts', ['id'], noParams, [400, 401, 404]),
    '/api/fetch': {
      post: {
        operationId: 'startFetch',
        summary: 'Start a fetch run now (EDITOR_TOKEN)',
        security: [{ bearer: [] }],
        responses: { 202: { description: 'the run started', ...json(z.object({ runId: z.number().int() })) }, ...errors(401, 409) },
      },
    },
    '/api/roundups/{week}': {
      ...plain('getRoundup', 'The News Roundup draft for an ISO week (format=md|html as text)', ['week'], roundupQuery, [400, 401]),
      patch: {
        operationId: 'curateRoundup',
        summary: 'Curate a week\'s roundup: exclude, pin, reorder, blurbs, mark final (EDITOR_TOKEN)',
        security: [{ bearer: [] }],
        parameters: parametersOf(z.object({ zone: z.string().optional() }), ['week']),
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { 200: { description: 'the curated draft', ...json(anyObject) }, ...errors(400, 401, 413) },
      },
    },
    '/api/companies': plain('listCompanies', 'The company catalogue with item counts'),
    '/health': { get: { operationId: 'health', summary: 'Liveness and the last fetch run', security: [{}], responses: { 200: { description: 'ok', ...json(anyObject) }, 503: { description: 'database unreachable', ...json(anyObject) } } } },
  };
}
