// The Article Extraction Benchmark's own metric (scrapinghub/article-extraction-benchmark, evaluate.py),
// re-implemented: `\w+` tokens, 4-gram shingles counted as multisets, TP/FP/FN normalised per page,
// precision and recall averaged over pages, F1 from the two averages.

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

// Python's Unicode `\w`: letters, digits (all numeric categories) and underscore.
const tokenPattern = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(tokenPattern) ?? [];
  const counts = new Map<string, number>();
  // Like upstream, a text shorter than n tokens still yields one (short) shingle.
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const slice = tokens.slice(i, i + n);
    if (slice.length === 0) continue;
    const key = slice.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised TP/FP/FN of one page's predicted body against the true body. */
export function scorePage(truth: string, predicted: string): PageCounts {
  const want = shingles(truth);
  const got = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of got) {
    const expected = want.get(key) ?? 0;
    tp += Math.min(count, expected);
    fp += Math.max(0, count - expected);
  }
  for (const [key, count] of want) fn += Math.max(0, count - (got.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** Precision and recall averaged over pages (pages with no prediction skip precision, as upstream). */
export function aggregate(pages: PageCounts[]): { precision: number; recall: number; f1: number } {
  const precision = mean(pages.filter((p) => p.tp + p.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((p) => p.tp + p.fn > 0).map(recallOf));
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** Per-page F1, for listing the worst pages while iterating. */
export function pageF1(page: PageCounts): number {
  const p = precisionOf(page);
  const r = recallOf(page);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
