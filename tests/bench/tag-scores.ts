// Scores tagger output against hand labels: micro P/R/F1 over (item, company) pairs, per company,
// and relevance accuracy.
import type { TagResult } from '../../src/domain.js';
import type { LabelledItem } from './tag-dev-set.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  items: number;
  pairs: Counts;
  perCompany: Map<string, Counts>;
  relevanceRight: number;
}

export function scoreItems(items: LabelledItem[], results: TagResult[]): Scores {
  const scores: Scores = { items: items.length, pairs: { tp: 0, fp: 0, fn: 0 }, perCompany: new Map(), relevanceRight: 0 };
  const bump = (company: string, key: keyof Counts) => {
    const counts = scores.perCompany.get(company) ?? { tp: 0, fp: 0, fn: 0 };
    counts[key]++;
    scores.perCompany.set(company, counts);
    scores.pairs[key]++;
  };
  items.forEach((item, i) => {
    const got = new Set(results[i]!.companies.map((tag) => tag.company));
    const want = new Set(item.companies);
    for (const company of got) bump(company, want.has(company) ? 'tp' : 'fp');
    for (const company of want) if (!got.has(company)) bump(company, 'fn');
    if (results[i]!.relevant === item.relevant) scores.relevanceRight++;
  });
  return scores;
}

export function prf({ tp, fp, fn }: Counts): { p: number; r: number; f1: number } {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export function formatScores(label: string, s: Scores): string {
  const { p, r, f1 } = prf(s.pairs);
  const acc = s.items ? s.relevanceRight / s.items : 0;
  return `${label.padEnd(22)} items ${String(s.items).padStart(4)}  pairs tp ${s.pairs.tp} fp ${s.pairs.fp} fn ${s.pairs.fn}  P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}  relevance ${acc.toFixed(3)} (${s.relevanceRight}/${s.items})`;
}
