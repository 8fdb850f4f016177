import Parser from 'rss-parser';
import type { FeedFormat, ParsedFeed, ParsedItem } from '../domain.js';
import { AppError, messageOf } from '../errors.js';
import { parseFeedDate } from './dates.js';
import { htmlToText } from './html-text.js';
import { parseJsonFeed } from './json-feed.js';
import { cleanBlock, cleanLine } from '../text.js';

type RawItem = Record<string, unknown> & {
  title?: string;
  link?: string;
  guid?: string;
  id?: string;
  pubDate?: string;
  isoDate?: string;
  content?: string;
  contentSnippet?: string;
  summary?: string;
  creator?: string;
  author?: string;
  categories?: unknown[];
};

const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: { item: ['id', 'summary', 'author', 'dc:date', 'published', 'updated', 'description'] },
});

export interface ParseOptions {
  /** The source's zone: offset-less dates are read in it. */
  zone?: string;
  /** The feed's own URL, to resolve relative links. */
  baseUrl?: string;
}

/** Parses RSS 0.9x/1.0/2.0, Atom or JSON Feed text into items; throws AppError('parse') on garbage. */
export async function parseFeed(text: string, options: ParseOptions = {}): Promise<ParsedFeed> {
  const trimmed = stripJunkBeforeMarkup(text);
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, options);
  const format = detectFormat(trimmed);
  if (!format) throw new AppError('parse', `parse: not a feed (no <rss>, <feed> or <rdf:RDF> root${looksLikeHtml(trimmed) ? '; got an HTML page' : ''})`);
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(trimmed);
  } catch (error) {
    throw new AppError('parse', `parse: malformed ${format} feed: ${firstLine(messageOf(error))}`, { cause: error });
  }
  const items = (feed.items ?? []).map((raw) => toParsedItem(raw, options)).filter((item): item is ParsedItem => item !== undefined);
  return { format, title: cleanLine(String(feed.title ?? '')), items };
}

function toParsedItem(raw: RawItem, options: ParseOptions): ParsedItem | undefined {
  const url = resolveUrl(stringOf(raw.link) ?? stringOf(raw.guid), options.baseUrl);
  const summaryHtml = stringOf(raw.summary) ?? stringOf(raw.content) ?? stringOf(raw.description) ?? '';
  const summary = cleanBlock(htmlToText(summaryHtml) || stringOf(raw.contentSnippet) || '');
  const title = cleanLine(htmlToText(stringOf(raw.title) ?? '')) || summary.slice(0, 120);
  if (!title && !url) return undefined;
  const rawDate = stringOf(raw.pubDate) ?? stringOf(raw['dc:date']) ?? stringOf(raw.published) ?? stringOf(raw.updated) ?? stringOf(raw.isoDate);
  const categories = (raw.categories ?? []).map(categoryName).filter((name): name is string => Boolean(name));
  return {
    guid: stringOf(raw.guid) ?? stringOf(raw.id),
    url,
    title,
    published: parseFeedDate(rawDate, options.zone),
    summary,
    author: stringOf(raw.creator) ?? stringOf(raw.author),
    categories,
  };
}

function detectFormat(text: string): FeedFormat | undefined {
  const head = text.slice(0, 4096);
  if (/<rdf:RDF[\s>]/i.test(head)) return 'rdf';
  if (/<rss[\s>]/i.test(head)) return 'rss';
  if (/<feed[\s>]/i.test(head)) return 'atom';
  return undefined;
}

/** Some servers emit whitespace, a BOM or PHP notices before the prolog; readers skip it. */
function stripJunkBeforeMarkup(text: string): string {
  const start = text.search(/<\?xml|<rss|<feed|<rdf:RDF|\{/i);
  return start > 0 ? text.slice(start) : text.trim();
}

function looksLikeHtml(text: string): boolean {
  return /<html[\s>]|<!doctype html/i.test(text.slice(0, 2048));
}

function resolveUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value.trim(), base).toString();
  } catch {
    return /^https?:\/\//i.test(value.trim()) ? value.trim() : undefined;
  }
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return stringOf(value[0]);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return stringOf(record._ ?? record.name ?? record.href ?? (record.$ as Record<string, unknown> | undefined)?.href);
  }
  return undefined;
}

function categoryName(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return stringOf(record._) ?? stringOf((record.$ as Record<string, unknown> | undefined)?.term);
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}
