/** Small helpers over the htmlparser2 DOM that cheerio builds; plain loops keep extraction fast. */
import type { AnyNode, Element, ParentNode } from 'domhandler';

export type { AnyNode, Element };

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Tags whose content starts on a new line when turned into text. */
export const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul', 'center', 'br',
]);

/** Collapsed text of a subtree, without any layout. */
export function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (!('children' in node)) return '';
  let out = '';
  for (const child of (node as ParentNode).children) out += textOf(child);
  return out;
}

/** Length of text ignoring whitespace runs (so indentation does not count as content). */
export function visibleLength(text: string): number {
  let length = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const blank = code === 32 || code === 10 || code === 9 || code === 13 || code === 160 || code === 0x3000;
    if (blank) {
      if (!space) length++;
      space = true;
    } else {
      length++;
      space = false;
    }
  }
  return length;
}

/** class + id of an element, lower-cased, for the boilerplate patterns. */
export function classAndId(element: Element): string {
  const { class: className = '', id = '' } = element.attribs;
  return `${className} ${id}`.toLowerCase();
}

/** Removes a node from its parent in place. */
export function detach(node: AnyNode): void {
  const parent = node.parent as ParentNode | null;
  if (!parent) return;
  const index = parent.children.indexOf(node as never);
  if (index >= 0) parent.children.splice(index, 1);
  const prev = node.prev;
  const next = node.next;
  if (prev) prev.next = next;
  if (next) next.prev = prev;
  node.parent = null;
}

/** Every element below `root` (depth first, document order). */
export function elementsBelow(root: ParentNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}
