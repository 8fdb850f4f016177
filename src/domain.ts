/** Shared plain types that flow down the pipeline. No behaviour lives here. */

export type SourceKind = 'feed' | 'html';
export type FullTextMode = boolean | 'auto';

/** CSS selectors for an HTML listing page (feeds.json `kind: "html"`). */
export interface ListingSelectors {
  item: string;
  link: string;
  title: string;
  date?: string;
  summary?: string;
}

/** One entry of feeds.json after validation and defaults. */
export interface SourceConfig {
  slug: string;
  name: string;
  url: string;
  kind: SourceKind;
  language: string;
  zone: string;
  weight: number;
  fullText: FullTextMode;
  enabled: boolean;
  selectors?: ListingSelectors;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json' | 'html';

/** An item as a parser read it, before normalisation. Dates are ISO 8601 with offset. */
export interface ParsedItem {
  guid?: string;
  url?: string;
  title: string;
  published?: string;
  summary?: string;
  author?: string;
  categories?: string[];
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  items: ParsedItem[];
}

/** A normalised item ready to dedupe, tag and store. */
export interface Article {
  sourceSlug: string;
  guid: string | null;
  url: string;
  canonicalUrl: string;
  title: string;
  summary: string;
  bodyText: string | null;
  /** Why the article page gave no body (fetch or extraction failure); the feed text is kept. */
  bodyError?: string | null;
  /** When to fetch the article page again after a failure that may pass (a timeout, a 503); null: never. */
  bodyRetryAt?: Date | null;
  author: string | null;
  publishedAt: Date | null;
  language: string;
  contentHash: string;
  categories: string[];
}

export type TagField = 'title' | 'summary' | 'body';

/** A company tag with its evidence: which alias matched where, and how salient it is. */
export interface CompanyTag {
  company: string;
  field: TagField;
  alias: string;
  score: number;
}

export interface TopicTag {
  topic: string;
  field: TagField;
  keyword: string;
  score: number;
}

export interface TagResult {
  companies: CompanyTag[];
  topics: TopicTag[];
  relevant: boolean;
}

/** An article with its tags, as the pipeline hands it to the store. */
export interface TaggedArticle extends Article {
  tags: TagResult;
}
