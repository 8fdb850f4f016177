import type { TagField, TopicTag } from '../domain.js';
import { fieldWeight } from './company-tags.js';
import type { Hit } from './find-terms.js';

/**
 * Patterns that keywords cannot say: amounts raised, funding rounds, model version names. Each has a
 * cheap test that every match passes (a literal it must contain, a digit), so the pattern itself
 * runs only on the few texts that might match.
 */
/** A literal that every funding match holds: "$", 轮, "Pre-" or 融资. */
const fundingMark = /[$轮]|Pre-|融资/;

const topicPatterns: Array<{ topic: string; pattern: RegExp; mayMatch: (text: string) => boolean }> = [
  {
    topic: 'funding-ipo',
    pattern: /\$\s?\d+(?:\.\d+)?\s?(?:million|billion|bn|[MB])\b|[A-F]\+?轮|Pre-[A-F]轮?|(?:亿|万)元.{0,6}融资/,
    mayMatch: (text) => fundingMark.test(text),
  },
  {
    topic: 'model-release',
    pattern: /\b[A-Z][A-Za-z]*[- ]?(?:V?\d+(?:\.\d+)+|\d+[BT])\b/,
    mayMatch: (text) => /\d/.test(text),
  },
];

type TopicCount = TopicTag & { count: number };

/** Counts one piece of evidence for a topic, keeping the one in the highest field. */
function note(best: Map<string, TopicCount>, topic: string, field: TagField, keyword: string): void {
  const current = best.get(topic);
  if (!current) return void best.set(topic, { topic, field, keyword, score: 0, count: 1 });
  current.count++;
  if (fieldWeight[field] > fieldWeight[current.field]) Object.assign(current, { field, keyword });
}

/** Topic tags with evidence (field, keyword, score), like company tags. */
export function tagTopics(hits: Hit[], fields: Array<[TagField, string]>): TopicTag[] {
  const best = new Map<string, TopicCount>();
  for (const hit of hits) if (hit.meaning.kind === 'topic') note(best, hit.meaning.topic, hit.field, hit.meaning.word);
  for (const [field, text] of fields) {
    if (!text) continue;
    // The lead is enough for a pattern, and keeps long bodies cheap.
    const lead = text.length > 600 ? text.slice(0, 600) : text;
    for (const { topic, pattern, mayMatch } of topicPatterns) {
      if (!mayMatch(lead)) continue;
      const match = pattern.exec(lead);
      if (match) note(best, topic, field, match[0]);
    }
  }
  return [...best.values()]
    .map(({ topic, field, keyword, count }) => ({ topic, field, keyword, score: Number(Math.min(1, fieldWeight[field] + 0.05 * (count - 1)).toFixed(2)) }))
    .sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
}
