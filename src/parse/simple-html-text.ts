import { decodeHTML } from 'entities';

/**
 * The text of a fragment made only of well-nested common markup (paragraphs, lists, links,
 * emphasis, images, line breaks, comments, embedded scripts, frames and drawings), read in one pass
 * without building a tree; undefined for anything else. Feed summaries are almost all like this,
 * and parse5's tree cost more than rss-parser's whole XML parse. Whatever a browser's parser would
 * move, close or read otherwise (misnesting, a block inside <p>, tables, form fields, a stray "<")
 * is left to the full parser, so the text is always what parse5 gives.
 */
export function simpleHtmlText(html: string, blocks: ReadonlySet<string>): string | undefined {
  const open: string[] = [];
  let text = '';
  let position = 0;
  while (position < html.length) {
    const lt = html.indexOf('<', position);
    text += textOf(html.slice(position, lt < 0 ? html.length : lt));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = commentEnd(html, lt);
      if (end === undefined) return undefined;
      position = end;
      continue;
    }
    tag.lastIndex = lt;
    const match = tag.exec(html);
    if (!match) return undefined;
    const [whole, slash, rawName, , selfClosing] = match;
    const name = rawName!.toLowerCase();
    position = lt + whole.length;
    if (slash) {
      // A browser drops the end tag of a void element; </br> it reads as <br> or drops, by context.
      if (voids.has(name)) {
        if (name === 'br') return undefined;
        continue;
      }
      // Only the element open last may close: anything else is misnesting, which parse5 repairs.
      if (open.pop() !== name) return undefined;
      if (blocks.has(name)) text += '\n';
    } else if (voids.has(name)) {
      if (name === 'hr' && open.includes('p')) return undefined;
      if (blocks.has(name)) text += '\n';
    } else if (unread.has(name)) {
      // Their content is not text a reader sees: skipped whole, up to their end tag.
      const end = unreadEnd(html, position, name);
      if (end === undefined) return undefined;
      position = end;
    } else {
      if (selfClosing || !opensSimply(name, open)) return undefined;
      open.push(name);
      // A newline right after <pre> is not part of its text.
      if (name === 'pre') position += html.startsWith('\r\n', position) ? 2 : html[position] === '\n' || html[position] === '\r' ? 1 : 0;
    }
  }
  // parse5 closes what is left open at the end; each block's break follows its text, innermost first.
  for (let index = open.length - 1; index >= 0; index--) if (blocks.has(open[index]!)) text += '\n';
  return text;
}

/** Phrasing elements: they never close anything when they start, and may sit inside <p>. */
const phrasing = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);
/** Flow elements read simply when no <p> is open (a start of one of them would close it). */
const flow = new Set([
  'p', 'div', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'figure', 'figcaption', 'header',
  'footer', 'aside', 'nav', 'main', 'center', 'pre',
]);
const voids = new Set(['br', 'img', 'hr', 'wbr']);
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose whole content htmlToText drops; none of them closes an open <p>. */
const unread = new Set(['script', 'style', 'noscript', 'iframe', 'svg']);
const closers = new Map([...unread].map((name) => [name, new RegExp(`</${name}`, 'gi')]));
/** HTML start tags that end an <svg> early in a browser (the rest of it is then read as HTML). */
const svgBreakouts = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'font', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'head', 'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong',
  'strike', 'sub', 'sup', 'table', 'tt', 'u', 'ul', 'var', 'svg', 'math',
]);

/** Whether `name` starting inside `open` leaves the tree as written (no implied end tag, no reparenting). */
function opensSimply(name: string, open: readonly string[]): boolean {
  if (phrasing.has(name)) return name !== 'a' || !open.includes('a');
  if (!flow.has(name) || open.includes('p')) return false;
  if (headings.has(name) && headings.has(open[open.length - 1]!)) return false;
  // A <li> closes an open one unless a list starts in between.
  if (name === 'li') {
    for (let index = open.length - 1; index >= 0; index--) {
      if (open[index] === 'li') return false;
      if (open[index] === 'ul' || open[index] === 'ol') break;
    }
  }
  return true;
}

/** Where a plain `<!-- ... -->` ends; undefined for the abrupt and odd forms parse5 reads its own way. */
function commentEnd(html: string, start: number): number | undefined {
  const close = html.indexOf('-->', start + 4);
  if (close < 0) return undefined;
  const body = html.slice(start + 4, close);
  if (body.startsWith('>') || body.startsWith('->') || body.includes('--!>') || body.endsWith('-')) return undefined;
  return close + 3;
}

/**
 * Where the content of a skipped element ends, past its end tag: the first `</name` must be a bare
 * `</name>`. A script's content holds no "<!--" (which changes how a browser finds its end), and a
 * drawing's holds no comment, CDATA or HTML tag that would end it early.
 */
function unreadEnd(html: string, from: number, name: string): number | undefined {
  const closer = closers.get(name)!;
  closer.lastIndex = from;
  const close = closer.exec(html)?.index ?? -1;
  if (close < 0 || html[close + name.length + 2] !== '>') return undefined;
  const content = html.slice(from, close);
  if (name === 'script' && content.includes('<!--')) return undefined;
  if (name === 'svg') {
    if (content.includes('<!')) return undefined;
    for (const [, inner] of content.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)) if (svgBreakouts.has(inner!.toLowerCase())) return undefined;
  }
  return close + name.length + 3;
}

/**
 * A start or end tag: name, then attributes (quoted values may hold anything but their quote; an
 * unquoted one none of the characters that would make parse5 read it differently), then `/>` or `>`.
 */
const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;

function textOf(raw: string): string {
  if (raw === '') return raw;
  // The input stream's preprocessing (CR LF and lone CR become LF), and the NULs the body drops.
  const normalized = /[\r\0]/.test(raw) ? raw.replace(/\r\n?/g, '\n').replace(/\0/g, '') : raw;
  return normalized.includes('&') ? decodeHTML(normalized) : normalized;
}
