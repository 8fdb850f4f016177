// Story quality on the labelled dev set, next to two baselines computed in the same run, on the
// whole set and on each half of a deterministic split (rules are tuned on one half only).
import { createDeduper } from '../../src/dedupe/deduper.js';
import { normalizeTitle } from '../../src/dedupe/exact.js';
import { canonicalUrl } from '../../src/normalize/canonical-url.js';
import { scoreClusters, type Scores } from './cluster-scores.js';
import { loadDevItems, loadEnglishSet, loadLabels, splitOf, truthOf, type DevItem, type Split } from './dedupe-devset.js';

export type Subset = 'all' | Split;
export const subsets: readonly Subset[] = ['all', 'tune', 'held-out'];

export interface QualityReport {
  items: number;
  goldGroups: number;
  /** Items and labelled multi-item stories in each half. */
  splitSizes: Record<Split, { items: number; goldGroups: number }>;
  rows: Array<{ method: string; scores: Record<Subset, Scores> }>;
  hardNegatives: number;
  hardNegativesMerged: string[];
  /** Wrongly merged and missed pairs, with the halves their items are in (a pair counts in each). */
  wrongPairs: Array<{ splits: Split[]; text: string }>;
  missedPairs: Array<{ splits: Split[]; text: string }>;
}

/** Scores the 36Kr-snapshot set plus the English feed supplement as one set (their dates never overlap). */
export async function measureQuality(): Promise<QualityReport | undefined> {
  const corpusLabels = loadLabels();
  const corpusItems = loadDevItems(corpusLabels);
  if (!corpusItems) return undefined;
  const english = await loadEnglishSet();
  const items = [...english.items, ...corpusItems];
  const labels = { groups: [...corpusLabels.groups, ...english.groups], hardNegatives: [...corpusLabels.hardNegatives, ...english.hardNegatives] };
  const truth = truthOf(items, labels.groups);
  const splitOfItem = (id: string) => splitOf(truth.get(id)!);
  const members: Record<Subset, Set<string>> = {
    all: new Set(items.map((item) => item.id)),
    tune: new Set(items.filter((item) => splitOfItem(item.id) === 'tune').map((item) => item.id)),
    'held-out': new Set(items.filter((item) => splitOfItem(item.id) === 'held-out').map((item) => item.id)),
  };

  // Every method sees the whole stream in arrival order; the halves only choose which pairs are scored.
  const ours = new Map<string, string>();
  const assign = createDeduper({ now: new Date(items[items.length - 1]!.published) });
  for (const item of items) ours.set(item.id, assign(item).story);
  const byUrl = firstByKey(items, (item) => canonicalUrl(item.url ?? item.id));
  const byTitle = firstByKey(items, (item) => normalizeTitle(item.title) || item.id);
  const scoresOf = (predicted: Map<string, string>) =>
    Object.fromEntries(subsets.map((subset) => [subset, scoreClusters(truth, predicted, members[subset])])) as Record<Subset, Scores>;

  const hardNegativesMerged = labels.hardNegatives.filter(([a, b]) => ours.get(a) === ours.get(b)).map(([a, b, why]) => `${a}~${b} (${why})`);
  const titleOf = new Map(items.map((item) => [item.id, `${item.sourceName}: ${item.title.slice(0, 50)}`]));
  const pairText = (a: DevItem, b: DevItem) => `${a.id} ${titleOf.get(a.id)} ≠ ${b.id} ${titleOf.get(b.id)}`;
  const splitsOf = (a: DevItem, b: DevItem): Split[] => [...new Set([splitOfItem(a.id), splitOfItem(b.id)])];
  const wrongPairs: QualityReport['wrongPairs'] = [];
  const missedPairs: QualityReport['missedPairs'] = [];
  for (const a of items) for (const b of items) {
    if (a.id >= b.id) continue;
    const predictedSame = ours.get(a.id) === ours.get(b.id);
    const trulySame = truth.get(a.id) === truth.get(b.id);
    if (predictedSame && !trulySame) wrongPairs.push({ splits: splitsOf(a, b), text: pairText(a, b) });
    if (!predictedSame && trulySame) missedPairs.push({ splits: splitsOf(a, b), text: pairText(a, b) });
  }
  const goldGroupsIn = (split: Split) => labels.groups.filter((group) => splitOfItem(group[0]!) === split).length;
  return {
    items: items.length,
    goldGroups: labels.groups.length,
    splitSizes: {
      tune: { items: members.tune.size, goldGroups: goldGroupsIn('tune') },
      'held-out': { items: members['held-out'].size, goldGroups: goldGroupsIn('held-out') },
    },
    rows: [
      { method: 'stories (MinHash LSH + signals)', scores: scoresOf(ours) },
      { method: 'baseline: exact canonical URL', scores: scoresOf(byUrl) },
      { method: 'baseline: exact normalised title', scores: scoresOf(byTitle) },
    ],
    hardNegatives: labels.hardNegatives.length,
    hardNegativesMerged,
    wrongPairs,
    missedPairs,
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
