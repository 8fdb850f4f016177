import type { CompanyTag, TagField, TopicTag } from '../domain.js';
import type { FieldTexts } from './company-tags.js';
import type { Hit } from './find-terms.js';

/** Companies whose every mention is AI-industry news (AI labs, AI chips, robotics, robotaxis). */
export const aiNativeCompanies = new Set([
  'deepseek', 'moonshot', 'zhipu', 'minimax', '01ai', 'stepfun', 'baichuan', 'iflytek', 'sensetime', 'megvii', 'modelbest',
  'unitree', 'agibot', 'ubtech', 'horizon-robotics', 'cambricon', 'moore-threads', 'biren', 'manus', 'pony-ai', 'weride',
]);

export interface RelevanceInput {
  hits: Hit[];
  companies: CompanyTag[];
  topics: TopicTag[];
  productSeen: boolean;
  /** Mostly Han characters: Chinese-language reporting. */
  chineseText: boolean;
  texts: FieldTexts;
}

/** How far into a summary or body its lead runs: the part that says what the item is about. */
const leadLength = 160;

/** "前DeepMind曹原", "former Google researcher", "ex-OpenAI": a person's past employer does not lead the story. */
function isFormerEmployer(hit: Hit, texts: FieldTexts): boolean {
  const before = texts[hit.field].slice(Math.max(0, hit.start - 8), hit.start);
  return before.endsWith('前') || /(?:former|ex-)\s*$/i.test(before);
}

const fieldOrder: Record<TagField, number> = { title: 0, summary: 1, body: 2 };

/**
 * The distinct AI words of an item: one per word whatever its case ("Agent" and "agent"), and a
 * word inside a longer one at the same place (模型 in 大模型) is not a second word.
 */
function distinctAiWords(hits: Hit[]): Set<string> {
  // By field, then start, longest first: a hit ending within the reach of an earlier, longer one is inside it.
  const ai = hits
    .filter((hit) => hit.meaning.kind === 'ai')
    .sort((a, b) => fieldOrder[a.field] - fieldOrder[b.field] || a.start - b.start || b.end - a.end);
  const words = new Set<string>();
  let field = '';
  let reach = -1;
  let reachLength = 0;
  for (const hit of ai) {
    if (hit.field !== field) (field = hit.field), (reach = -1), (reachLength = 0);
    const length = hit.end - hit.start;
    if (hit.end <= reach && length < reachLength) continue;
    if (hit.end > reach) (reach = hit.end), (reachLength = length);
    if ('word' in hit.meaning) words.add(hit.meaning.word.toLowerCase());
  }
  return words;
}

/**
 * Is the item news about the Chinese AI industry? A Chinese subject (a tracked company, a China
 * word, or Chinese-language reporting) and an AI subject (AI words, an AI product, an AI-native
 * company), unless the item is an event notice, tutorial or newsletter, a stock-market wrap, a
 * listed firm's answer on an investor Q&A platform (unless it is AI-native), or is led by a foreign
 * actor alone (a person's former employer leads nothing).
 */
export function isRelevant(input: RelevanceInput): boolean {
  const { companies } = input;
  const counts = { aiTitle: 0, china: 0, chinaTitle: 0, foreignTitle: 0, foreignLead: 0, market: 0, notNewsTitle: 0, notIndustry: 0 };
  for (const hit of input.hits) {
    const m = hit.meaning;
    if (m.kind === 'ai') hit.field === 'title' && counts.aiTitle++;
    else if (m.kind === 'china') (counts.china++, hit.field === 'title' && counts.chinaTitle++);
    else if (m.kind === 'foreign') {
      if (isFormerEmployer(hit, input.texts)) continue;
      hit.field === 'title' ? counts.foreignTitle++ : hit.start < leadLength && counts.foreignLead++;
    } else if (m.kind === 'market') counts.market++;
    else if (m.kind === 'notNews') hit.field === 'title' && counts.notNewsTitle++;
    else if (m.kind === 'notIndustry') counts.notIndustry++;
  }
  if (counts.notNewsTitle > 0 || counts.market >= 2) return false;
  const aiWords = distinctAiWords(input.hits);
  const leadCompany = companies.some((tag) => tag.score >= 0.6);
  // Led by a foreign actor: named in the title (or, with nothing Chinese named at all, in the lead).
  const foreignLed =
    counts.chinaTitle === 0 &&
    !companies.some((tag) => tag.field === 'title') &&
    (counts.foreignTitle > 0 || (counts.foreignLead > 0 && counts.china === 0 && companies.length === 0));
  if (companies.some((tag) => aiNativeCompanies.has(tag.company) && tag.score >= 0.6)) return true;
  // A listed firm answering investors on an exchange's Q&A platform: its AI words are not the news.
  if (counts.notIndustry > 0) return false;
  if (companies.length > 0 && (input.productSeen || aiWords.size >= 1) && (leadCompany || !foreignLed)) return true;
  if (foreignLed) return false;
  // China named, or Chinese-language reporting, and plainly about AI (two AI words, or one in the title).
  return (input.chineseText || counts.china > 0) && (aiWords.size >= 2 || counts.aiTitle > 0);
}
