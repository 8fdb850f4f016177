/** Removes page furniture before scoring: scripts, navigation, hidden parts, share bars and the like. */
import { droppedTags, isDiscussion, isHidden, isUnlikely } from './boilerplate.js';
import { detach, isElement, type Element } from './dom.js';
import { measure, type TextStats } from './text-stats.js';

// Containers that hold the whole page, and table parts (rows carry data classes like "player-2020-580"):
// a stray class word on them must not remove content.
const structural = new Set(['html', 'body', 'main', 'article', 'tbody', 'thead', 'tr', 'td', 'th']);

/** Prunes in place. `unlikely: false` keeps class-flagged blocks (the retry when a page came out empty). */
export function prune(root: Element, options: { unlikely: boolean }): void {
  const stats = options.unlikely ? measure(root) : undefined;
  // Depth first without entering removed subtrees, so nothing inside furniture is judged again.
  const stack: Element[] = root.children.filter(isElement).reverse();
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (droppedTags.has(element.name) || element.type !== 'tag' || isHidden(element) || (stats && isFurniture(element, stats))) {
      detach(element);
      continue;
    }
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (isElement(child)) stack.push(child);
    }
  }
}

// Class words misfire on wrappers ("box article modal-enabled"): a block holding this much prose stays.
const maxProseInFurniture = 400;

function isFurniture(element: Element, stats: Map<Element, TextStats>): boolean {
  if (structural.has(element.name)) return false;
  if (isDiscussion(element)) return true;
  return isUnlikely(element) && (stats.get(element)?.prose ?? 0) < maxProseInFurniture;
}
