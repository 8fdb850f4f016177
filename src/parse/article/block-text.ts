/** Turns the chosen content subtree into plain text: one paragraph per line, furniture left out. */
import { isBoilerplateLine } from './boilerplate.js';
import { blockTags, isElement, type AnyNode, type Element } from './dom.js';
import { linkShare, measure, type TextStats } from './text-stats.js';

// A block this link-heavy is a list of links (related stories, tags), not prose.
const maxLinkDensity = 0.5;
const proseOrCell = new Set(['p', 'blockquote', 'pre', 'td', 'th', 'tr', 'tbody', 'thead']);

/** Paragraph text of a subtree: blocks become lines, link lists and boilerplate lines are skipped. */
export function blockText(root: Element): string {
  const stats = measure(root);
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/[\s\u00a0]+/g, ' ').trim();
    if (line && !isBoilerplateLine(line)) lines.push(line);
    current = '';
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      current += node.data;
      return;
    }
    if (!isElement(node)) return;
    if (node.name === 'br') {
      flush();
      return;
    }
    const block = blockTags.has(node.name);
    if (block && node !== root && isLinkList(node, stats)) return;
    if (block) flush();
    for (const child of node.children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n');
}

function isLinkList(element: Element, stats: Map<Element, TextStats>): boolean {
  // Prose blocks and table cells (a results table links every name) are never link lists.
  if (proseOrCell.has(element.name)) return false;
  return linkShare(stats, element) > maxLinkDensity;
}
