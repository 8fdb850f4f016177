// Story quality on the labelled dev set, next to two baselines computed in the same run.
import { createDeduper } from '../../src/dedupe/deduper.js';
import { normalizeTitle } from '../../src/dedupe/exact.js';
import { canonicalUrl } from '../../src/normalize/canonical-url.js';
import { scoreClusters, type Scores } from './cluster-scores.js';
import { loadDevItems, loadEnglishSet, loadLabels, type DevItem } from './dedupe-devset.js';

export interface QualityReport {
  items: number;
  goldGroups: number;
  rows: Array<{ method: string; scores: Scores }>;
  hardNegatives: number;
  hardNegativesMerged: string[];
  wrongPairs: string[];
}

/** Scores the 36Kr-snapshot set plus the English feed supplement as one set (their dates never overlap). */
export async function measureQuality(): Promise<QualityReport | undefined> {
  const corpusLabels = loadLabels();
  const corpusItems = loadDevItems(corpusLabels);
  if (!corpusItems) return undefined;
  const english = await loadEnglishSet();
  const items = [...english.items, ...corpusItems];
  const labels = { groups: [...corpusLabels.groups, ...english.groups], hardNegatives: [...corpusLabels.hardNegatives, ...english.hardNegatives] };
  const truth = new Map<string, string>();
  labels.groups.forEach((group, index) => group.forEach((id) => truth.set(id, `g${index}`)));
  for (const item of items) if (!truth.has(item.id)) truth.set(item.id, `self:${item.id}`);

  const ours = new Map<string, string>();
  const assign = createDeduper({ now: new Date(items[items.length - 1]!.published) });
  for (const item of items) ours.set(item.id, assign(item).story);
  const byUrl = firstByKey(items, (item) => canonicalUrl(item.url ?? item.id));
  const byTitle = firstByKey(items, (item) => normalizeTitle(item.title) || item.id);

  const hardNegativesMerged = labels.hardNegatives.filter(([a, b]) => ours.get(a) === ours.get(b)).map(([a, b, why]) => `${a}~${b} (${why})`);
  const titleOf = new Map(items.map((item) => [item.id, `${item.sourceName}: ${item.title.slice(0, 50)}`]));
  const wrongPairs: string[] = [];
  for (const a of items) for (const b of items) {
    if (a.id < b.id && ours.get(a.id) === ours.get(b.id) && truth.get(a.id) !== truth.get(b.id)) wrongPairs.push(`${a.id} ${titleOf.get(a.id)} ≠ ${b.id} ${titleOf.get(b.id)}`);
  }
  return {
    items: items.length,
    goldGroups: labels.groups.length,
    rows: [
      { method: 'stories (MinHash LSH + signals)', scores: scoreClusters(truth, ours) },
      { method: 'baseline: exact canonical URL', scores: scoreClusters(truth, byUrl) },
      { method: 'baseline: exact normalised title', scores: scoreClusters(truth, byTitle) },
    ],
    hardNegatives: labels.hardNegatives.length,
    hardNegativesMerged,
    wrongPairs,
  };
}

function firstByKey(items: DevItem[], keyOf: (item: DevItem) => string): Map<string, string> {
  const first = new Map<string, string>();
  const result = new Map<string, string>();
  for (const item of items) {
    const key = keyOf(item);
    if (!first.has(key)) first.set(key, item.id);
    result.set(item.id, first.get(key)!);
  }
  return result;
}
