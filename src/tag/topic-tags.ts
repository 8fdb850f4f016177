import type { TagField, TopicTag } from '../domain.js';
import { fieldWeight } from './company-tags.js';
import type { Hit } from './find-terms.js';

/** Patterns that keywords cannot say: amounts raised, funding rounds, model version names. */
const topicPatterns: Array<{ topic: string; pattern: RegExp }> = [
  { topic: 'funding-ipo', pattern: /\$\s?\d+(?:\.\d+)?\s?(?:million|billion|bn|[MB])\b|[A-F]\+?轮|Pre-[A-F]轮?|(?:亿|万)元.{0,6}融资/ },
  { topic: 'model-release', pattern: /\b[A-Z][A-Za-z]*[- ]?(?:V?\d+(?:\.\d+)+|\d+[BT])\b/ },
];

/** Topic tags with evidence (field, keyword, score), like company tags. */
export function tagTopics(hits: Hit[], fields: Array<[TagField, string]>): TopicTag[] {
  const best = new Map<string, TopicTag & { count: number }>();
  const note = (topic: string, field: TagField, keyword: string) => {
    const current = best.get(topic);
    if (!current) return void best.set(topic, { topic, field, keyword, score: 0, count: 1 });
    current.count++;
    if (fieldWeight[field] > fieldWeight[current.field]) Object.assign(current, { field, keyword });
  };
  for (const hit of hits) if (hit.meaning.kind === 'topic') note(hit.meaning.topic, hit.field, hit.meaning.word);
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const { topic, pattern } of topicPatterns) {
      // The lead is enough for a pattern, and keeps long bodies cheap.
      const match = pattern.exec(text.length > 600 ? text.slice(0, 600) : text);
      if (match) note(topic, field, match[0]);
    }
  }
  return [...best.values()]
    .map(({ count, ...tag }) => ({ ...tag, score: Number(Math.min(1, fieldWeight[tag.field] + 0.05 * (count - 1)).toFixed(2)) }))
    .sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
}
