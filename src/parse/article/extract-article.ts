/** Article extraction: from an article page's HTML and URL to its title, text, date, author, canonical link, language. */
import { load, type CheerioAPI } from 'cheerio';
import { cleanBlock, detectLanguage } from '../../text.js';
import { htmlToText } from '../html-text.js';
import { blockText } from './block-text.js';
import type { Element } from './dom.js';
import { articleFromJsonLd, type JsonLdArticle } from './json-ld.js';
import { findMainContent } from './main-content.js';
import { readMetadata } from './metadata.js';
import { prune } from './prune.js';
import { applySiteRule, siteRuleFor } from './site-rules.js';

export interface ExtractedArticle {
  title: string;
  /** Paragraphs separated by newlines; empty when no article text was found. */
  text: string;
  published: string | null;
  author: string | null;
  canonicalUrl: string;
  language: string;
  /** Which signal gave the text: a site rule, JSON-LD articleBody, or the general algorithm. */
  method: 'site-rule' | 'json-ld' | 'generic' | 'none';
}

export interface ExtractOptions {
  /** IANA zone for offset-less dates (the source's zone). */
  zone?: string;
  /** Off only to measure the general algorithm alone. */
  siteRules?: boolean;
}

// Below this, a pass found a teaser or a caption rather than an article: retry less strictly.
const minArticleChars = 250;
// A site rule names the body outright, so only an empty or stub match (a changed layout) is distrusted.
const minSiteRuleChars = 80;

function parseHtml(html: string): CheerioAPI {
  // htmlparser2 rather than parse5: several times faster, and extraction needs no spec-exact tree.
  // It does not invent <html><body> for a fragment, so a fragment gets a body here.
  const wrapped = /<body[\s>]/i.test(html) ? html : `<body>${html}</body>`;
  return load(wrapped, { xml: { xmlMode: false, decodeEntities: true } });
}

/** Extracts the article from a page. Never throws on bad HTML; `text` is empty when nothing was found. */
export function extractArticle(html: string, pageUrl: string, options: ExtractOptions = {}): ExtractedArticle {
  const $ = parseHtml(html);
  const jsonLd = articleFromJsonLd($('script[type="application/ld+json"]').toArray().map((el) => $(el).text()));
  const metadata = readMetadata($, pageUrl, jsonLd, options.zone ?? 'UTC');
  const { text, method } = bodyText($, html, [pageUrl, metadata.canonicalUrl], jsonLd, options);
  const cleaned = dropLeadingTitle(cleanBlock(text), metadata.title);
  return { ...metadata, text: cleaned, language: metadata.language ?? detectLanguage(`${metadata.title} ${cleaned}`), method: cleaned ? method : 'none' };
}

function bodyText($: CheerioAPI, html: string, urls: string[], jsonLd: JsonLdArticle | undefined, options: ExtractOptions): { text: string; method: ExtractedArticle['method'] } {
  // The canonical link names the site when a page was saved or fetched under another address.
  const rule = options.siteRules === false ? undefined : (siteRuleFor(urls[0]!) ?? siteRuleFor(urls[1]!));
  if (rule) {
    const elements = applySiteRule($, rule);
    for (const element of elements) prune(element, { unlikely: true });
    const text = textOf(elements);
    if (text.length >= minSiteRuleChars) return { text, method: 'site-rule' };
  }
  let text = generic($, true);
  if (text.length < minArticleChars) text = longer(text, generic(parseHtml(html), false));
  const fromJsonLd = cleanBlock(jsonLdBodyText(jsonLd?.articleBody));
  // JSON-LD bodies are sometimes teasers; trust one only when it is at least as full as the page text.
  if (fromJsonLd.length >= minArticleChars && fromJsonLd.length >= text.length * 0.8) return { text: fromJsonLd, method: 'json-ld' };
  return { text, method: 'generic' };
}

function generic($: CheerioAPI, strict: boolean): string {
  const body = $('body')[0] as Element | undefined;
  if (!body) return '';
  prune(body, { unlikely: strict });
  return textOf(findMainContent(body));
}

/** Some CMSs put escaped HTML in articleBody; decode it and keep its paragraphs. */
function jsonLdBodyText(body: string | undefined): string {
  if (!body) return '';
  const decoded = /&lt;\w/.test(body) ? htmlToText(body) : body;
  return /<\/?[a-z][^>]*>/i.test(decoded) ? htmlToText(decoded) : decoded;
}

function textOf(elements: Element[]): string {
  return elements.map(blockText).filter(Boolean).join('\n');
}

function longer(a: string, b: string): string {
  return b.length > a.length ? b : a;
}

function dropLeadingTitle(text: string, title: string): string {
  const newline = text.indexOf('\n');
  const first = newline < 0 ? text : text.slice(0, newline);
  return title && first.trim() === title ? text.slice(first.length).trimStart() : text;
}
