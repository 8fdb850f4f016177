
/**
 * Strong signals name *this* event: figures ("85%", "$7B" = "70亿美元"), product names with a
 * version ("Qwen-VL", "GLM-5.3") and Latin names in Chinese text ("OpenRouter"). Weak signals name
 * the players: company tags and common names (c:…), capitalised names in English text (w:…);
 * they support a match but never make one alone.
 * Signals are written the same way in every language, so they bridge English and Chinese reports.
 */
export interface Signals {
  strong: string[];
  weak: string[];
  /** The strong signals of the title alone: headline figures must agree, and a cross-language match needs one here. */
  title: string[];
}

/**
 * Global companies most stories mention: a shared mention says little. Chinese spellings map here.
 * A Map, not an object: looked up with every Latin word of every item, where an object's keyed
 * lookups first interned each word (a tenth of fingerprinting) and found "constructor" on its prototype.
 */
const commonNames = new Map<string, string>(Object.entries({
  openai: 'openai', anthropic: 'anthropic', google: 'google', alphabet: 'google', apple: 'apple', microsoft: 'microsoft',
  meta: 'meta', amazon: 'amazon', aws: 'amazon', nvidia: 'nvidia', tesla: 'tesla', samsung: 'samsung', intel: 'intel',
  amd: 'amd', tsmc: 'tsmc', chatgpt: 'openai', claude: 'anthropic', gemini: 'google', spacex: 'spacex', micron: 'micron',
  broadcom: 'broadcom', oracle: 'oracle', qualcomm: 'qualcomm', 英伟达: 'nvidia', 苹果: 'apple', 谷歌: 'google',
  微软: 'microsoft', 亚马逊: 'amazon', 特斯拉: 'tesla', 三星: 'samsung', 台积电: 'tsmc', 英特尔: 'intel', 美光: 'micron',
  博通: 'broadcom', 甲骨文: 'oracle', 高通: 'qualcomm',
}));
const cjkPattern = /[\u3400-\u9fff]/;
const cjkCommonNames = [...commonNames].filter(([name]) => cjkPattern.test(name));

/** Latin words that are capitalised or common in headlines without naming anything. */
const notNames = new Set(
  ('the a an and or of for to in on at by with from how why what when who new show ask launch hn ai api app apps ceo cfo cto ' +
    'inc ltd co corp llm llms gpu gpus cpu agent agents model models chatbot tech report data open source first update ' +
    'news today this that its it is are was will can may just now more most all you your our we they he she his her their ' +
    'after over into about than not but my me us ipo app store day week year month online free pro plus max mini lite').split(' '),
);

const unitScale: Record<string, number> = {
  '万亿': 1e12, '亿': 1e8, '万': 1e4, '千': 1e3, trillion: 1e12, tn: 1e12, t: 1e12, billion: 1e9, bn: 1e9, b: 1e9,
  million: 1e6, mn: 1e6, m: 1e6, thousand: 1e3, k: 1e3,
};
const amountPattern = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(%|万亿|亿|万|千|trillion|billion|million|thousand|tn|bn|mn|[tbmk](?![a-z]))/giu;
// Round amounts written in words: "百亿资源" is "10 billion" as surely as "100亿" is ("数亿", "several
// hundred million", names no figure and is left out).
const wordAmountPattern = /(?<![数几一二两三四五六七八九十])([百千])(亿|万)/gu;
const latinPattern = /[A-Za-z][A-Za-z0-9]*(?:[.\-+][A-Za-z0-9]+)*\+?/g;

/**
 * Signals of a title and lede, plus the company slugs the tagger found in them. The title's own
 * strong signals are kept apart: ledes quote many side figures and names, headlines do not.
 */
export function signalsOf(text: string, companies: readonly string[] = [], title = text): Signals {
  // Whether a Latin word is a name depends on the headline's script: a Hacker News item has an
  // English headline and a Chinese boilerplate lede ("HN 热议 · 52 分"), and its "launches" is no name.
  const chinese = cjkPattern.test(title);
  const all = signalSets(text, companies, chinese);
  const inTitle = signalSets(title, companies, chinese);
  const titleNames = [...inTitle.weak].filter((signal) => signal.startsWith('w:'));
  return { strong: [...all.strong].sort(), weak: [...all.weak].sort(), title: [...inTitle.strong, ...titleNames].sort() };
}

function signalSets(text: string, companies: readonly string[], chinese: boolean): { strong: Set<string>; weak: Set<string> } {
  const normalized = text.normalize('NFKC').replace(/[\u2010-\u2015\u2212]/g, '-');
  const strong = new Set<string>(figuresOf(normalized));
  const weak = new Set<string>(companies.map((slug) => `c:${slug}`));
  for (const [name, slug] of cjkCommonNames) if (normalized.includes(name)) weak.add(`c:${slug}`);
  for (const raw of latinRuns(normalized)) {
    // ASCII from text already in NFKC with '-' for every dash: normalizeForShingles would only lower-case it.
    const token = raw.toLowerCase();
    const bare = token.endsWith('+') ? token.replace(/\+$/, '') : token;
    const common = commonNames.get(bare);
    if (common !== undefined || companies.includes(bare)) {
      weak.add(`c:${common ?? bare}`);
    } else if (/[a-z]/.test(token) && /\d/.test(token) && !/^(?:q[1-4]|h[12]|fy\d*|\d+[a-z]{1,2})$/.test(token)) {
      strong.add(`t:${token}`); // a versioned product: GLM-5.3, V4, CS-4
    } else if (bare.length >= 3 && !notNames.has(bare) && chinese) {
      strong.add(`w:${bare}`); // a Latin word in Chinese text is a name: "Stripe 收购 OpenRouter"
    } else if (bare.length >= 3 && !notNames.has(bare) && /^[A-Z]/.test(raw)) {
      // In English, capitalised words are everywhere ("Hong Kong", "Friday"): weak, but kept to
      // compare with Chinese reports, which write such names in Latin letters.
      weak.add(`w:${bare}`);
    }
  }
  return { strong, weak };
}

/**
 * Latin tokens, with runs of capitalised words joined into one name: "Hong Kong" and "Carrie Lam"
 * are one name each, so two reports about the same city do not share "two" names.
 */
function latinRuns(text: string): string[] {
  const runs: string[] = [];
  let previousEnd = -2;
  for (const match of text.matchAll(latinPattern)) {
    const token = match[0];
    const start = match.index ?? 0;
    const last = runs[runs.length - 1];
    const joins = last !== undefined && start === previousEnd + 1 && text[previousEnd] === ' ' && /^[A-Z]/.test(token) && /^[A-Z]/.test(last) && !/\d/.test(token + last);
    if (joins && isPlainName(token) && isPlainName(last)) runs[runs.length - 1] = `${last} ${token}`;
    else runs.push(token);
    previousEnd = start + token.length;
  }
  return runs;
}

/** A word that may join a run of names: "The Mojo language" has a sentence-initial "The", and "OpenAI" stays a company of its own. */
function isPlainName(word: string): boolean {
  const lower = word.toLowerCase();
  return !notNames.has(lower) && !commonNames.has(lower);
}

/** Figure signals (percentages and amounts) among a list of signals. */
export const figuresIn = (signals: readonly string[]) => signals.filter((signal) => signal.startsWith('n:') || signal.startsWith('p:'));

/** Percentages and amounts with a unit, as one spelling: "70亿美元", "$7B" and "7 billion" → n:7e9. */
function figuresOf(text: string): string[] {
  const result = new Set<string>();
  for (const match of text.matchAll(amountPattern)) {
    const value = Number(match[1]!.replace(/,/g, ''));
    const unit = match[2]!.toLowerCase();
    if (!Number.isFinite(value)) continue;
    if (unit === '%') {
      result.add(`p:${value}`);
      continue;
    }
    const scaled = value * (unitScale[unit] ?? 1);
    if (scaled < 1e4) continue;
    result.add(`n:${Number(scaled.toPrecision(3)).toExponential()}`);
  }
  for (const match of text.matchAll(wordAmountPattern)) {
    const scaled = (match[1] === '百' ? 100 : 1000) * unitScale[match[2]!]!;
    result.add(`n:${Number(scaled.toPrecision(3)).toExponential()}`);
  }
  return [...result].sort();
}
