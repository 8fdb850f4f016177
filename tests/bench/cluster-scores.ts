// Pairwise precision/recall/F1 over same-story pairs, and B-cubed F1 (Bagga & Baldwin 1998).

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  bcubedF1: number;
  predictedPairs: number;
}

/**
 * Scores a predicted clustering (item → cluster) against the truth (item → cluster). With `only`,
 * a pair counts when at least one of its items is in `only` (so a wrong merge with an item outside
 * still costs precision), and B-cubed averages over the items in `only`.
 */
export function scoreClusters(truth: Map<string, string>, predicted: Map<string, string>, only?: ReadonlySet<string>): Scores {
  const ids = [...truth.keys()];
  const counted = (id: string) => !only || only.has(id);
  const truthGroups = groupsOf(ids, truth);
  const predictedGroups = groupsOf(ids, predicted);
  let truePairs = 0;
  let predictedPairs = 0;
  let goldPairs = 0;
  for (const members of predictedGroups.values()) predictedPairs += countedPairs(members, counted);
  for (const members of truthGroups.values()) goldPairs += countedPairs(members, counted);
  for (const members of predictedGroups.values()) {
    const byTruth = new Map<string, string[]>();
    for (const id of members) byTruth.set(truth.get(id)!, [...(byTruth.get(truth.get(id)!) ?? []), id]);
    for (const same of byTruth.values()) truePairs += countedPairs(same, counted);
  }
  const precision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const recall = goldPairs === 0 ? 1 : truePairs / goldPairs;
  let bPrecision = 0;
  let bRecall = 0;
  const scored = ids.filter(counted);
  for (const id of scored) {
    const mine = predictedGroups.get(predicted.get(id)!)!;
    const gold = truthGroups.get(truth.get(id)!)!;
    const goldSet = new Set(gold);
    const overlap = mine.filter((other) => goldSet.has(other)).length;
    bPrecision += overlap / mine.length;
    bRecall += overlap / gold.length;
  }
  bPrecision /= scored.length;
  bRecall /= scored.length;
  return { precision, recall, f1: harmonic(precision, recall), bcubedF1: harmonic(bPrecision, bRecall), predictedPairs };
}

function groupsOf(ids: string[], clusters: Map<string, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const cluster = clusters.get(id) ?? `self:${id}`;
    clusters.set(id, cluster);
    const members = groups.get(cluster);
    if (members) members.push(id);
    else groups.set(cluster, [id]);
  }
  return groups;
}

/** Pairs within a group that have at least one counted item: all pairs less those among the rest. */
function countedPairs(members: readonly string[], counted: (id: string) => boolean): number {
  const outside = members.filter((id) => !counted(id)).length;
  return pairs(members.length) - pairs(outside);
}

const pairs = (n: number) => (n * (n - 1)) / 2;
const harmonic = (a: number, b: number) => (a + b === 0 ? 0 : (2 * a * b) / (a + b));
