/**
 * The general main-content algorithm (the fallback when no site rule matches): score paragraphs by length
 * and punctuation, hand the score up to their containers, damp link-heavy containers, pick the best one
 * and join the siblings that look like more of the same article. The idea is Readability's; the code is ours.
 */
import { classWeight } from './boilerplate.js';
import { blockTags, elementsBelow, isElement, textOf, visibleLength, type Element } from './dom.js';
import { linkShare, measure, type TextStats } from './text-stats.js';

const paragraphTags = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'h2', 'h3', 'h4']);
const minParagraphChars = 25;
// Western and CJK commas and full stops all mark sentences.
const punctuation = /[,，、。；;]/g;

const tagBase: Record<string, number> = { div: 5, article: 10, main: 10, section: 3, pre: 3, td: 3, blockquote: 3, ol: -3, ul: -3, dl: -3, th: -5, li: -3 };

/** The elements that make up the article body, in document order (empty when nothing scores). */
export function findMainContent(body: Element): Element[] {
  const stats = measure(body);
  const scores = new Map<Element, number>();
  for (const element of elementsBelow(body)) {
    const text = paragraphText(element);
    if (text === undefined) continue;
    const length = visibleLength(text);
    if (length < minParagraphChars) continue;
    const score = 1 + (text.match(punctuation)?.length ?? 0) + Math.min(Math.floor(length / 100), 3);
    // A div holding its own text is both paragraph and container: it takes the first share itself.
    let ancestor = paragraphTags.has(element.name) ? element.parent : element;
    for (let level = 0; level < 5 && ancestor && isElement(ancestor); level++) {
      if (!scores.has(ancestor)) scores.set(ancestor, (tagBase[ancestor.name] ?? 0) + classWeight(ancestor));
      scores.set(ancestor, scores.get(ancestor)! + score / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
      ancestor = ancestor.parent;
    }
  }
  let top: Element | undefined;
  let topScore = 0;
  for (const [element, raw] of scores) {
    const score = raw * (1 - linkShare(stats, element));
    scores.set(element, score);
    if (score > topScore) {
      top = element;
      topScore = score;
    }
  }
  if (!top) return [];
  const merged = commonAncestorOfRunnersUp(top, topScore, scores);
  const picked = withSiblings(merged, scores.get(merged) ?? topScore, scores, stats);
  return inDocumentOrder(body, [...picked, ...sameClassPeers(merged, picked, scores)]);
}

/**
 * Articles cut into chunks between ads repeat the body container's class (Wired's "article__body"): every
 * scored element with the same tag and class belongs to the article too.
 */
function sameClassPeers(top: Element, picked: Element[], scores: Map<Element, number>): Element[] {
  const className = top.attribs.class?.trim();
  if (!className) return [];
  const peers: Element[] = [];
  for (const [element, score] of scores) {
    if (score <= 0 || element.name !== top.name || element.attribs.class?.trim() !== className) continue;
    if (picked.some((p) => p === element || contains(p, element) || contains(element, p))) continue;
    peers.push(element);
  }
  return peers;
}

function inDocumentOrder(body: Element, elements: Element[]): Element[] {
  if (elements.length < 2) return elements;
  const wanted = new Set(elements);
  return elementsBelow(body).filter((element) => wanted.has(element));
}

/**
 * Articles split into several sections (one per ad slot) give several near-equal candidates; when three of
 * the best share an ancestor, that ancestor is the article.
 */
function commonAncestorOfRunnersUp(top: Element, topScore: number, scores: Map<Element, number>): Element {
  const runnersUp = [...scores]
    .filter(([element, score]) => element !== top && score >= topScore * 0.75)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([element]) => element);
  if (runnersUp.length < 2) return top;
  for (let ancestor = top.parent; ancestor && isElement(ancestor) && ancestor.name !== 'body'; ancestor = ancestor.parent) {
    const inside = runnersUp.filter((element) => contains(ancestor as Element, element)).length;
    if (inside >= 2) return ancestor;
  }
  return top;
}

function contains(ancestor: Element, element: Element): boolean {
  for (let node = element.parent; node; node = node.parent) if (node === ancestor) return true;
  return false;
}

/** The text a paragraph-like element contributes, or undefined when it is a container. */
function paragraphText(element: Element): string | undefined {
  if (paragraphTags.has(element.name)) return textOf(element);
  if (element.name !== 'div' && element.name !== 'section' && element.name !== 'span' && element.name !== 'font') return undefined;
  // A div used as a paragraph: its own text nodes count, nested blocks are scored on their own.
  let direct = '';
  for (const child of element.children) {
    if (child.type === 'text') direct += child.data;
    else if (isElement(child) && !blockTags.has(child.name)) direct += textOf(child);
  }
  return direct.trim().length >= minParagraphChars ? direct : undefined;
}

/** Siblings of the top candidate that score close to it, or read like article paragraphs. */
function withSiblings(top: Element, topScore: number, scores: Map<Element, number>, stats: Map<Element, TextStats>): Element[] {
  const parent = top.parent;
  if (!parent || !isElement(parent)) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const picked: Element[] = [];
  for (const sibling of parent.children) {
    if (!isElement(sibling)) continue;
    if (sibling === top) {
      picked.push(sibling);
      continue;
    }
    let bonus = 0;
    if (sibling.attribs.class && sibling.attribs.class === top.attribs.class) bonus += topScore * 0.2;
    const score = scores.get(sibling);
    if (score !== undefined && score + bonus >= threshold) {
      picked.push(sibling);
      continue;
    }
    if (sibling.name === 'p' && readsLikeProse(sibling, stats)) picked.push(sibling);
  }
  return picked;
}

function readsLikeProse(paragraph: Element, stats: Map<Element, TextStats>): boolean {
  const text = textOf(paragraph);
  const length = visibleLength(text);
  const density = linkShare(stats, paragraph);
  if (length > 80) return density < 0.25;
  return length > 0 && density === 0 && /[.。!?！？](\s|$)/.test(text);
}
