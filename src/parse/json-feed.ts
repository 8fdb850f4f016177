import type { ParsedFeed, ParsedItem } from '../domain.js';
import { AppError, messageOf } from '../errors.js';
import { parseFeedDate } from './dates.js';
import type { ParseOptions } from './feed.js';
import { cleanBlock, cleanLine } from '../text.js';
import { htmlToText } from './html-text.js';

interface JsonFeedItem {
  id?: unknown;
  url?: unknown;
  external_url?: unknown;
  title?: unknown;
  summary?: unknown;
  content_text?: unknown;
  content_html?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
  authors?: Array<{ name?: unknown }>;
  author?: { name?: unknown };
  tags?: unknown[];
}

/** Parses JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/). */
export function parseJsonFeed(text: string, options: ParseOptions): ParsedFeed {
  let doc: { version?: unknown; title?: unknown; home_page_url?: unknown; items?: unknown };
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new AppError('parse', `parse: malformed JSON feed: ${messageOf(error)}`, { cause: error });
  }
  if (typeof doc?.version !== 'string' || !doc.version.includes('jsonfeed.org') || !Array.isArray(doc.items)) {
    throw new AppError('parse', 'parse: JSON is not a JSON Feed (no jsonfeed.org version or items array)');
  }
  const base = typeof doc.home_page_url === 'string' ? doc.home_page_url : options.baseUrl;
  const items = (doc.items as JsonFeedItem[]).map((raw) => toItem(raw, base, options.zone)).filter((i): i is ParsedItem => i !== undefined);
  return { format: 'json', title: typeof doc.title === 'string' ? cleanLine(doc.title) : '', items };
}

function toItem(raw: JsonFeedItem, base: string | undefined, zone: string | undefined): ParsedItem | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const link = text(raw.url) ?? text(raw.external_url);
  let url: string | undefined;
  try {
    url = link ? new URL(link, base).toString() : undefined;
  } catch {
    url = undefined;
  }
  const summary = cleanBlock(text(raw.summary) ?? text(raw.content_text) ?? htmlToText(text(raw.content_html)));
  const title = cleanLine(text(raw.title) ?? '') || summary.slice(0, 120);
  if (!title && !url) return undefined;
  const author = text(raw.authors?.[0]?.name) ?? text(raw.author?.name);
  return {
    guid: raw.id === undefined || raw.id === null ? undefined : String(raw.id),
    url,
    title,
    published: parseFeedDate(text(raw.date_published) ?? text(raw.date_modified), zone),
    summary,
    author,
    categories: (raw.tags ?? []).filter((tag): tag is string => typeof tag === 'string'),
  };
}
