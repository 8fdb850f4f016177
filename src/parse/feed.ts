import Parser from 'rss-parser';
import { demoronize } from '../cp1252.js';
import type { FeedFormat, ParsedFeed, ParsedItem } from '../domain.js';
import { AppError, messageOf } from '../errors.js';
import { cleanBlock, cleanLine } from '../text.js';
import { parseFeedDate } from './dates.js';
import { categoryName, firstText, listOf } from './feed-fields.js';
import { htmlToText } from './html-text.js';
import { parseJsonFeed } from './json-feed.js';
import { entryBases, rootBase } from './xml-base.js';
import { repairXml } from './xml-repair.js';

type RawItem = Record<string, unknown>;

const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: {
    feed: ['link'],
    item: [
      'id',
      'summary',
      'dc:date',
      'published',
      'updated',
      // Atom 0.3 names its dates issued/modified/created.
      'issued',
      'modified',
      'created',
      'description',
      'content:encoded',
      // rss-parser keeps one Atom author and no Atom categories; keep them all.
      ['author', 'authors', { keepArray: true }],
      ['category', 'allCategories', { keepArray: true }],
      ['dc:subject', 'subjects', { keepArray: true }],
    ],
  },
});

export interface ParseOptions {
  /** The source's zone: offset-less dates are read in it. */
  zone?: string;
  /** The feed's own URL, to resolve relative links. */
  baseUrl?: string;
}

/** Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed text into items; throws AppError('parse') on garbage. */
export async function parseFeed(text: string, options: ParseOptions = {}): Promise<ParsedFeed> {
  const trimmed = stripJunkBeforeMarkup(text);
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, options);
  const format = detectFormat(trimmed);
  if (!format) throw new AppError('parse', `parse: not a feed (no <rss>, <feed> or <rdf:RDF> root${looksLikeHtml(trimmed) ? '; got an HTML page' : ''})`);
  if (/<!ENTITY/i.test(trimmed.slice(0, 65_536))) {
    throw new AppError('parse', 'parse: the feed declares XML entities in a DTD; refused, since expanding them is a known attack ("billion laughs")');
  }
  // An <rss> with no <channel> is an empty feed; rss-parser would crash reading it.
  if (format === 'rss' && !/<channel[\s>]/i.test(trimmed)) return { format, title: '', items: [] };
  const feed = await parseXml(trimmed, format);
  const base = rootBase(trimmed, options.baseUrl);
  const channelLink = resolveUrl(firstText(feed.link), base);
  // Items without xml:base resolve against the feed's own URL, else its site link (Miniflux does the same).
  const bases = entryBases(trimmed, base ?? channelLink);
  const rawItems = (feed.items ?? []) as RawItem[];
  const items = rawItems
    .map((raw, index) => toParsedItem(raw, { ...options, baseUrl: bases[index] ?? base ?? channelLink }))
    .filter((item): item is ParsedItem => item !== undefined);
  return { format, title: cleanLine(demoronize(htmlToText(firstText(feed.title) ?? ''))), items };
}

async function parseXml(text: string, format: FeedFormat) {
  try {
    return await parser.parseString(text);
  } catch (strictError) {
    try {
      return await parser.parseString(repairXml(text));
    } catch {
      throw new AppError('parse', `parse: malformed ${format} feed: ${firstLine(messageOf(strictError))}`, { cause: strictError });
    }
  }
}

function toParsedItem(raw: RawItem, options: ParseOptions): ParsedItem | undefined {
  const url = resolveUrl(firstText(raw.link) ?? permalinkGuid(raw), options.baseUrl);
  const summaryHtml = firstText(raw.summary) ?? firstText(raw.content) ?? firstText(raw.description) ?? firstText(raw['content:encoded']) ?? '';
  const summary = cleanBlock(demoronize(htmlToText(summaryHtml) || firstText(raw.contentSnippet) || ''));
  const title = cleanLine(demoronize(htmlToText(firstText(raw.title) ?? ''))) || summary.slice(0, 120);
  if (!title && !url) return undefined;
  const rawDate = firstText(raw.pubDate) ?? firstText(raw['dc:date']) ?? firstText(raw.published) ?? firstText(raw.issued) ?? firstText(raw.created) ?? firstText(raw.updated) ?? firstText(raw.modified) ?? firstText(raw.isoDate);
  const categories = [...listOf(raw.categories), ...listOf(raw.allCategories), ...listOf(raw.subjects)].map(categoryName).filter((name): name is string => Boolean(name));
  const authors = listOf(raw.authors).map(firstText).filter(Boolean);
  return {
    guid: firstText(raw.guid) ?? firstText(raw.id) ?? firstText(raw['rdf:about']),
    url,
    title,
    published: parseFeedDate(rawDate, options.zone),
    summary,
    author: authors.length > 0 ? [...new Set(authors)].join(', ') : (firstText(raw.creator) ?? firstText(raw['dc:creator'])),
    categories: [...new Set(categories)],
  };
}

/**
 * With no <link>, an RSS guid is the permalink (RSS 2.0: isPermaLink defaults to true; relative ones
 * resolve like links), then an Atom id or RDF about that is an http(s) URL.
 */
function permalinkGuid(raw: RawItem): string | undefined {
  const guid = firstText(raw.guid);
  if (guid && (/^https?:\/\//i.test(guid) || guid.startsWith('/'))) return guid;
  return [firstText(raw.id), firstText(raw['rdf:about'])].find((value) => value && /^https?:\/\//i.test(value));
}

function detectFormat(text: string): FeedFormat | undefined {
  const head = text.slice(0, 4096);
  if (/<rdf:RDF[\s>]/i.test(head)) return 'rdf';
  if (/<rss[\s>]/i.test(head)) return 'rss';
  if (/<feed[\s>]/i.test(head)) return 'atom';
  return undefined;
}

/**
 * Some servers emit whitespace, a BOM or PHP notices before the prolog; readers skip it. An `<rss>`
 * without a version (RSS 0.9x-era and hand-written feeds) is read as 2.0, which rss-parser requires.
 */
function stripJunkBeforeMarkup(text: string): string {
  const trimmed = text.replace(/^[\s\ufeff]+/, '');
  if (trimmed.startsWith('{')) return trimmed.trimEnd();
  const start = trimmed.search(/<\?xml|<rss|<feed|<rdf:RDF/i);
  const markup = start > 0 ? trimmed.slice(start) : trimmed;
  return markup.replace(/<rss(?=[\s>])(?![^>]*\sversion\s*=)/, '<rss version="2.0"');
}

function looksLikeHtml(text: string): boolean {
  return /<html[\s>]|<!doctype html/i.test(text.slice(0, 2048));
}

function resolveUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  try {
    return new URL(trimmed, base).toString();
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}
