import type { ParsedFeed, SourceConfig, TaggedArticle } from '../domain.js';
import { decodeBody } from '../fetch/charset.js';
import { toArticle } from '../normalize/to-article.js';
import { parseFeed } from '../parse/feed.js';
import { tagText } from '../tag/matcher.js';

/** What the CPU half needs to know about a source (plain data: it crosses to a worker thread). */
export type SourceToParse = Pick<SourceConfig, 'slug' | 'kind' | 'language' | 'zone' | 'selectors'>;

/** A downloaded body, charset not yet decoded. */
export interface BodyToParse {
  body: Uint8Array;
  contentType: string | null;
  finalUrl: string;
}

/** One source's items, normalised and tagged, and how many items its feed held. */
export interface PreparedArticles {
  itemsSeen: number;
  articles: TaggedArticle[];
}

/** decode → parse → normalize → tag: the CPU half of ingesting a source, pure (no I/O). Throws AppError('parse') on garbage. */
export async function prepareArticles(source: SourceToParse, fetched: BodyToParse): Promise<PreparedArticles> {
  const feed = await parseSource(source, fetched);
  return { itemsSeen: feed.items.length, articles: toTaggedArticles(feed, source) };
}

async function parseSource(source: SourceToParse, fetched: BodyToParse): Promise<ParsedFeed> {
  // Decoded only now, just before parsing, so feeds waiting for a parse slot stay compact bytes.
  const text = decodeBody(fetched.body, fetched.contentType);
  if (source.kind === 'html' && source.selectors) {
    // Loaded on the first listing page: cheerio brings an HTTP client a parse worker never needs.
    const { parseHtmlListing } = await import('../parse/html-listing.js');
    return parseHtmlListing(text, fetched.finalUrl, source.selectors, source.zone);
  }
  return parseFeed(text, { zone: source.zone, baseUrl: fetched.finalUrl });
}

/** Normalises and tags parsed items; items without a usable link are dropped here. */
export function toTaggedArticles(feed: ParsedFeed, source: Pick<SourceConfig, 'slug' | 'language'>): TaggedArticle[] {
  const articles: TaggedArticle[] = [];
  for (const item of feed.items) {
    const article = toArticle(item, source);
    if (!article) continue;
    articles.push({ ...article, tags: tagText({ title: article.title, summary: article.summary, body: article.bodyText }) });
  }
  return articles;
}
