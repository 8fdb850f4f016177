/** Title, date, author, canonical link and language from JSON-LD, OpenGraph/`article:` meta and link tags. */
import type { CheerioAPI } from 'cheerio';
import { parseFeedDate } from '../dates.js';
import { htmlToText } from '../html-text.js';
import { cleanLine } from '../../text.js';
import type { JsonLdArticle } from './json-ld.js';

export interface PageMetadata {
  title: string;
  published: string | null;
  author: string | null;
  canonicalUrl: string;
  language: string | null;
}

// Date meta names publishers use, most specific first (OpenGraph article:, Dublin Core, Parse.ly, Sailthru, Chinese CMSs).
const dateSelectors = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="date"]',
  'meta[name="apub:time"]',
  'meta[property="bytedance:published_time"]',
];

const authorSelectors = ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="parsely-author"]', 'meta[name="sailthru.author"]'];

/** Everything but the text. `zone` reads offset-less dates (common on Chinese portals) in the source's zone. */
export function readMetadata($: CheerioAPI, pageUrl: string, jsonLd: JsonLdArticle | undefined, zone: string): PageMetadata {
  const meta = (selectors: string[]): string | undefined => {
    for (const selector of selectors) {
      const value = $(selector).first().attr('content')?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const rawTitle = jsonLd?.headline ?? meta(['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? ($('h1').first().text() || $('title').first().text());
  // JSON-LD strings are not HTML-decoded by the parser ("&#163;71.6m").
  const title = cleanLine(/&#?\w+;/.test(rawTitle) ? htmlToText(rawTitle) : rawTitle);
  const rawDate = jsonLd?.datePublished ?? meta(dateSelectors) ?? $('time[datetime]').first().attr('datetime');
  const author = jsonLd?.author ?? meta(authorSelectors);
  return {
    title,
    published: parseFeedDate(rawDate, zone) ?? null,
    author: author && !/^https?:/.test(author) ? cleanLine(author) : null,
    canonicalUrl: canonicalOf($, pageUrl, jsonLd),
    language: languageOf($, jsonLd),
  };
}

function canonicalOf($: CheerioAPI, pageUrl: string, jsonLd: JsonLdArticle | undefined): string {
  const candidates = [$('link[rel="canonical"]').first().attr('href'), $('meta[property="og:url"]').first().attr('content'), jsonLd?.url];
  for (const candidate of candidates) {
    const resolved = resolveHttp(candidate, pageUrl);
    if (resolved) return resolved;
  }
  return pageUrl;
}

function resolveHttp(href: string | undefined, base: string): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function languageOf($: CheerioAPI, jsonLd: JsonLdArticle | undefined): string | null {
  const raw = $('html').attr('lang') ?? $('meta[http-equiv="content-language" i]').attr('content') ?? jsonLd?.inLanguage ?? $('meta[property="og:locale"]').attr('content');
  const primary = raw?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}
