import { buildDraft, type Draft } from '../roundup/draft.js';
import { parseIsoWeek } from '../roundup/iso-week.js';
import { renderHtml } from '../roundup/render-html.js';
import { renderMarkdown } from '../roundup/render-markdown.js';
import type { Db } from '../store/db.js';
import { itemsSeenBetween } from '../store/items-query.js';

export type DraftFormat = 'md' | 'html' | 'json';

/** Loads a week's tagged items and builds its draft: the one use case behind the API and the CLI. */
export async function weeklyDraft(db: Db, options: { week: string; zone: string; now: Date; limit?: number }): Promise<Draft> {
  const week = parseIsoWeek(options.week, options.zone);
  const items = await itemsSeenBetween(db, week.start, week.end, { onlyTagged: true });
  return buildDraft(week, items, { now: options.now, limit: options.limit ?? 8 });
}

/** Renders a draft in one of the three formats, with its content type. */
export function renderDraft(draft: Draft, format: DraftFormat): { body: string; contentType: string } {
  if (format === 'md') return { body: renderMarkdown(draft), contentType: 'text/markdown; charset=utf-8' };
  if (format === 'html') return { body: renderHtml(draft), contentType: 'text/html; charset=utf-8' };
  return { body: `${JSON.stringify(draft, null, 2)}\n`, contentType: 'application/json; charset=utf-8' };
}
