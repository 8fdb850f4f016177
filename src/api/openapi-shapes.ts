import { z } from 'zod';

/** Response shapes, written once here in zod so the document and the tests share them. */
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

const time = z.string().meta({ format: 'date-time' });

/** A story as /api/stories lists it (the collapsed view). */
export const storyView = z.object({
  id: z.number().int(),
  firstSeenAt: time,
  lastSeenAt: time,
  itemCount: z.number().int(),
  sourceCount: z.number().int(),
  representative: z.object({ id: z.number().int(), title: z.string(), url: z.string(), source: z.string(), sourceName: z.string() }).nullable(),
  outlets: z.array(z.string()).meta({ description: 'outlet names, sorted' }),
  newestMatch: itemView.nullable().meta({ description: "the newest of the story's items that match the filters" }),
  matchCount: z.number().int().meta({ description: "how many of the story's items match the filters" }),
  rank: z.number().optional().meta({ description: 'with sort=relevance: the best rank among its matching items' }),
});
export const storiesPage = z.object({ stories: z.array(storyView), nextCursor: z.string().nullable() });
/** A story with all its items, as /api/stories/{id} answers. */
export const storyDetail = storyView.omit({ newestMatch: true, matchCount: true, rank: true }).extend({
  requestedId: z.number().int().meta({ description: 'the id asked for; differs from id when that story was merged into this one' }),
  items: z.array(itemView),
  outletCounts: z.array(z.object({ source: z.string(), name: z.string(), items: z.number().int() })),
});
