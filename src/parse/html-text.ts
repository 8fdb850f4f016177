import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { simpleHtmlText } from './simple-html-text.js';

type Node = DefaultTreeAdapterMap['node'];

/** Elements whose content is not text a reader sees. */
const skipped = new Set(['script', 'style', 'noscript', 'iframe', 'svg']);
/** Elements that end a line: their text is followed by a break. */
const blocks = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'section', 'article', 'figcaption']);

/**
 * Plain text from an HTML fragment: entities decoded, tags dropped, paragraph breaks kept. parse5
 * builds the tree a browser would (misnested tags, raw-text elements, entities); the text is read
 * off it in one walk. (It was cheerio on the same parse5 tree, whose selector and append machinery
 * cost four times the parse across the thousands of small fragments in a feed.)
 */
export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  // Plain text, or only character references (a title's "&amp;"): what parse5 would make of it without the tree.
  if (!html.includes('<')) return simpleHtmlText(html, blocks)!;
  // Parsed in a <template> context with scripting on, as cheerio.load(html, null, false) did.
  return simpleHtmlText(html, blocks) ?? textOf(parseFragment(html, { scriptingEnabled: true }));
}

/** The text under `root` in document order, each block element's followed by a newline. */
function textOf(root: Node): string {
  let text = '';
  // An explicit stack, not recursion: a fragment may nest deeper than the call stack allows.
  const stack: Array<Node | '\n'> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === '\n') {
      text += '\n';
      continue;
    }
    if (node.nodeName === '#text') {
      text += (node as DefaultTreeAdapterMap['textNode']).value;
      continue;
    }
    if (node.nodeName === '#comment' || node.nodeName === '#documentType') continue;
    const element = node as DefaultTreeAdapterMap['element'];
    if (element.tagName !== undefined) {
      if (skipped.has(element.tagName)) continue;
      if (blocks.has(element.tagName)) stack.push('\n');
    }
    // A <template>'s children live in its content fragment.
    const children = element.tagName === 'template' ? (element as DefaultTreeAdapterMap['template']).content.childNodes : (element as DefaultTreeAdapterMap['parentNode']).childNodes;
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return text;
}
