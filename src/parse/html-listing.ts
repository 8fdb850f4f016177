import * as cheerio from 'cheerio';
import type { ListingSelectors, ParsedFeed, ParsedItem } from '../domain.js';
import { AppError } from '../errors.js';
import { parseFeedDate } from './dates.js';
import { cleanLine } from '../text.js';

/** Reads items from an HTML listing page (a newsroom without a feed) with the source's selectors. */
export function parseHtmlListing(html: string, pageUrl: string, selectors: ListingSelectors, zone = 'UTC'): ParsedFeed {
  const $ = cheerio.load(html, { baseURI: pageUrl });
  const seen = new Set<string>();
  const items: ParsedItem[] = [];
  $(selectors.item).each((_, element) => {
    const $item = $(element);
    const pick = (selector: string) => ($item.is(selector) ? $item : $item.find(selector).first());
    const href = pick(selectors.link).attr('href');
    const title = cleanLine(pick(selectors.title).text()) || cleanLine($item.attr('title') ?? '');
    if (!href || !title) return;
    let url: string;
    try {
      url = new URL(href, pageUrl).toString();
    } catch {
      return;
    }
    if (seen.has(url)) return;
    seen.add(url);
    const dateNode = selectors.date ? pick(selectors.date) : undefined;
    const rawDate = dateNode?.attr('datetime') ?? dateNode?.text();
    items.push({
      guid: url,
      url,
      title,
      published: parseFeedDate(rawDate, zone),
      summary: selectors.summary ? cleanLine(pick(selectors.summary).text()) : '',
    });
  });
  if (items.length === 0 && $(selectors.item).length === 0) {
    throw new AppError('parse', `parse: the item selector "${selectors.item}" matched nothing on ${pageUrl}`);
  }
  return { format: 'html', title: cleanLine($('title').first().text()), items };
}
