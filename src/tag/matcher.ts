import type { CompanyTag, TagField, TagResult, TopicTag } from '../domain.js';
import { catalogue, type CompanyEntry } from './catalogue.js';
import { aiNativeCompanies, aiWords, topicRules } from './vocabulary.js';

export interface TagInput {
  title: string;
  summary?: string | null;
  body?: string | null;
}

const fieldWeight: Record<TagField, number> = { title: 1, summary: 0.6, body: 0.3 };
const hasCjk = (text: string) => /[\u3400-\u9fff]/.test(text);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin aliases match on word boundaries and exact case; CJK aliases match as substrings. */
function aliasPattern(alias: string): RegExp {
  if (hasCjk(alias)) return new RegExp(escape(alias), 'g');
  return new RegExp(`(?<![\\p{L}\\p{N}_./])${escape(alias)}(?![\\p{L}\\p{N}_]|\\.[a-z])`, 'gu');
}

interface CompiledCompany {
  entry: CompanyEntry;
  aliases: Array<{ alias: string; pattern: RegExp; ambiguous: boolean; product: boolean }>;
}

const compiled: CompiledCompany[] = catalogue.map((entry) => ({
  entry,
  aliases: [
    ...entry.aliases.map((alias) => ({ alias, pattern: aliasPattern(alias), ambiguous: false, product: false })),
    ...(entry.products ?? []).map((alias) => ({ alias, pattern: aliasPattern(alias), ambiguous: false, product: true })),
    ...(entry.ambiguous ?? []).map((alias) => ({ alias, pattern: aliasPattern(alias), ambiguous: true, product: false })),
  ].sort((a, b) => b.alias.length - a.alias.length),
}));

const aiPattern = new RegExp(
  aiWords.map((word) => (hasCjk(word) ? escape(word) : `(?<![\\p{L}])${escape(word)}(?![\\p{L}])`)).join('|'),
  'u',
);

/** Tags a text with companies, topics and relevance; every tag carries its evidence. */
export function tagText(input: TagInput): TagResult {
  const fields: Array<[TagField, string]> = [
    ['title', input.title ?? ''],
    ['summary', input.summary ?? ''],
    ['body', input.body ?? ''],
  ];
  const { tags: companies, productSeen } = matchCompanies(fields);
  const topics = matchTopics(fields);
  const all = fields.map(([, text]) => text).join('\n');
  const aiContext = aiPattern.test(all);
  const relevant =
    companies.some((tag) => aiNativeCompanies.has(tag.company)) || (companies.length > 0 && (aiContext || productSeen));
  return { companies, topics, relevant };
}

function matchCompanies(fields: Array<[TagField, string]>): { tags: CompanyTag[]; productSeen: boolean } {
  const tags: CompanyTag[] = [];
  let productSeen = false;
  const all = fields.map(([, text]) => text).join('\n');
  for (const company of compiled) {
    let best: CompanyTag | undefined;
    let hits = 0;
    let certain = false;
    for (const [field, text] of fields) {
      if (!text) continue;
      for (const { alias, pattern, ambiguous, product } of company.aliases) {
        pattern.lastIndex = 0;
        for (const match of text.matchAll(pattern)) {
          if (ambiguous && !hasContext(text, match.index ?? 0, alias.length)) continue;
          hits++;
          certain ||= !ambiguous;
          productSeen ||= product;
          const score = fieldWeight[field];
          if (!best || score > best.score) best = { company: company.entry.slug, field, alias, score };
        }
      }
    }
    if (!best) continue;
    // An ambiguous alias alone counts only with AI context in the whole text as well.
    if (!certain && !aiPattern.test(all)) continue;
    tags.push({ ...best, score: Math.min(1, Number((best.score + 0.1 * (hits - 1)).toFixed(2))) });
  }
  tags.sort((a, b) => b.score - a.score || a.company.localeCompare(b.company));
  return { tags, productSeen };
}

function hasContext(text: string, index: number, length: number): boolean {
  const window = text.slice(Math.max(0, index - 80), index + length + 80);
  return aiPattern.test(window.slice(0, 80) + ' ' + window.slice(80 + length));
}

function matchTopics(fields: Array<[TagField, string]>): TopicTag[] {
  const tags: TopicTag[] = [];
  for (const [topic, keywords] of Object.entries(topicRules)) {
    for (const [field, text] of fields) {
      const keyword = keywords.find((word) =>
        hasCjk(word) ? text.includes(word) : new RegExp(`(?<![\\p{L}])${escape(word)}(?![\\p{L}])`, 'iu').test(text),
      );
      if (keyword) {
        tags.push({ topic, field, keyword, score: fieldWeight[field] });
        break;
      }
    }
  }
  return tags;
}
