// Pairwise precision/recall/F1 over same-story pairs, and B-cubed F1 (Bagga & Baldwin 1998).

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  bcubedF1: number;
  predictedPairs: number;
}

/** Scores a predicted clustering (item → cluster) against the truth (item → cluster). */
export function scoreClusters(truth: Map<string, string>, predicted: Map<string, string>): Scores {
  const ids = [...truth.keys()];
  const truthGroups = groupsOf(ids, truth);
  const predictedGroups = groupsOf(ids, predicted);
  let truePairs = 0;
  let predictedPairs = 0;
  let goldPairs = 0;
  for (const members of predictedGroups.values()) predictedPairs += pairs(members.length);
  for (const members of truthGroups.values()) goldPairs += pairs(members.length);
  for (const members of predictedGroups.values()) {
    const byTruth = new Map<string, number>();
    for (const id of members) byTruth.set(truth.get(id)!, (byTruth.get(truth.get(id)!) ?? 0) + 1);
    for (const count of byTruth.values()) truePairs += pairs(count);
  }
  const precision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const recall = goldPairs === 0 ? 1 : truePairs / goldPairs;
  let bPrecision = 0;
  let bRecall = 0;
  for (const id of ids) {
    const mine = predictedGroups.get(predicted.get(id)!)!;
    const gold = truthGroups.get(truth.get(id)!)!;
    const goldSet = new Set(gold);
    const overlap = mine.filter((other) => goldSet.has(other)).length;
    bPrecision += overlap / mine.length;
    bRecall += overlap / gold.length;
  }
  bPrecision /= ids.length;
  bRecall /= ids.length;
  return { precision, recall, f1: harmonic(precision, recall), bcubedF1: harmonic(bPrecision, bRecall), predictedPairs };
}

function groupsOf(ids: string[], clusters: Map<string, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const cluster = clusters.get(id) ?? `self:${id}`;
    clusters.set(id, cluster);
    groups.set(cluster, [...(groups.get(cluster) ?? []), id]);
  }
  return groups;
}

const pairs = (n: number) => (n * (n - 1)) / 2;
const harmonic = (a: number, b: number) => (a + b === 0 ? 0 : (2 * a * b) / (a + b));
