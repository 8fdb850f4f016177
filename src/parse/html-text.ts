import * as cheerio from 'cheerio';

const blockTags = 'p, div, br, li, h1, h2, h3, h4, h5, h6, blockquote, tr, section, article, figcaption';

/** Plain text from an HTML fragment: entities decoded, tags dropped, paragraph breaks kept. */
export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return html;
  const $ = cheerio.load(html, null, false);
  $('script, style, noscript, iframe, svg').remove();
  $(blockTags).each((_, element) => {
    $(element).append('\n');
  });
  return $.root().text();
}
