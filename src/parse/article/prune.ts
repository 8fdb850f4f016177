/** Removes page furniture before scoring: scripts, navigation, hidden parts, share bars and the like. */
import { droppedTags, isDiscussion, isHidden, isUnlikely } from './boilerplate.js';
import { detach, elementsBelow, linkTextLength, textOf, visibleLength, type Element } from './dom.js';

// Containers that hold the whole page, and table parts (rows carry data classes like "player-2020-580"):
// a stray class word on them must not remove content.
const structural = new Set(['html', 'body', 'main', 'article', 'tbody', 'thead', 'tr', 'td', 'th']);

/** Prunes in place. `unlikely: false` keeps class-flagged blocks (the retry when a page came out empty). */
export function prune(root: Element, options: { unlikely: boolean }): void {
  for (const element of elementsBelow(root)) {
    if (!element.parent) continue;
    if (droppedTags.has(element.name) || element.type !== 'tag' || isHidden(element)) {
      detach(element);
      continue;
    }
    if (!options.unlikely || structural.has(element.name)) continue;
    if (isDiscussion(element) || (isUnlikely(element) && proseChars(element) < maxProseInFurniture)) detach(element);
  }
}

// Class words misfire on wrappers ("box article modal-enabled"): a block holding this much prose stays.
const maxProseInFurniture = 400;

/** Characters in substantial, link-poor paragraphs below an element. */
function proseChars(element: Element): number {
  let total = 0;
  for (const paragraph of elementsBelow(element)) {
    if (paragraph.name !== 'p') continue;
    const length = visibleLength(textOf(paragraph));
    if (length >= 80 && linkTextLength(paragraph) < length * 0.3) total += length;
  }
  return total;
}
