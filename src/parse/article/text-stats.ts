/**
 * Text, link-text and prose sizes of every element, in one bottom-up pass. Asking each element separately
 * walks nested wrappers again and again: measured, a 1.5 MB page of deep share-bar wrappers took 3 s that way.
 */
import { isElement, visibleLength, type AnyNode, type Element } from './dom.js';

export interface TextStats {
  /** Visible characters of text below the element. */
  chars: number;
  /** Of those, characters inside links. */
  linkChars: number;
  /** Characters in substantial, link-poor paragraphs (the prose a furniture class word must not remove). */
  prose: number;
}

const minProseParagraph = 80;
const maxProseLinkShare = 0.3;

/** Stats for every element below (and including) `root`. Recompute after the tree changes. */
export function measure(root: Element): Map<Element, TextStats> {
  const stats = new Map<Element, TextStats>();
  const visit = (node: AnyNode): TextStats => {
    if (node.type === 'text') {
      const chars = visibleLength(node.data);
      return { chars, linkChars: 0, prose: 0 };
    }
    if (!isElement(node)) return { chars: 0, linkChars: 0, prose: 0 };
    let chars = 0;
    let linkChars = 0;
    let prose = 0;
    for (const child of node.children) {
      const inner = visit(child);
      chars += inner.chars;
      linkChars += inner.linkChars;
      prose += inner.prose;
    }
    if (node.name === 'a') linkChars = chars;
    if (node.name === 'p') prose = chars >= minProseParagraph && linkChars < chars * maxProseLinkShare ? chars : 0;
    const own = { chars, linkChars, prose };
    stats.set(node, own);
    return own;
  };
  visit(root);
  return stats;
}

/** Share of an element's text that sits inside links (0 when it has no text). */
export function linkShare(stats: Map<Element, TextStats>, element: Element): number {
  const own = stats.get(element);
  return own && own.chars > 0 ? own.linkChars / own.chars : 0;
}
