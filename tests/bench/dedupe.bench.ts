// `npm run bench -- dedupe [--pg URL] [--sizes 10000,1000000] [--new 300] [--skip-quality] [--skip-scale] [--verbose]`
// 1. Story quality on the labelled dev set next to two baselines (exact canonical URL, exact title),
//    on the whole set, the tune half and the held-out half; --verbose lists the tune half's errors.
// 2. Per-item assignment time on PostgreSQL (--pg URL, else DATABASE_URL, else the local server) at 10k and 1M stored items.
import { parseArgs } from 'node:util';
import { measureQuality, subsets } from './dedupe-quality.js';
import { measureScale } from './dedupe-scale.js';

const fmt = (value: number) => value.toFixed(3);

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { pg: { type: 'string' }, sizes: { type: 'string' }, new: { type: 'string' }, 'skip-scale': { type: 'boolean' }, 'skip-quality': { type: 'boolean' }, verbose: { type: 'boolean' } } });
  const quality = values['skip-quality'] ? undefined : await measureQuality();
  if (values['skip-quality']) {
    console.log('quality: skipped (--skip-quality)');
  } else if (!quality) {
    console.log('quality: skipped, ../shared/corpus/items/irisfeng-ai36kr-NO-LICENSE is not here');
  } else {
    const { tune, 'held-out': heldOut } = quality.splitSizes;
    console.log(`dev set: ${quality.items} items, ${quality.goldGroups} labelled multi-item stories (tests/fixtures/dedupe: 36Kr snapshot + English feeds)`);
    console.log(`split by a hash of each story's key: tune ${tune.items} items / ${tune.goldGroups} stories, held-out ${heldOut.items} items / ${heldOut.goldGroups} stories`);
    console.log(`${'method'.padEnd(36)} ${'subset'.padEnd(9)} ${'pair P'.padStart(7)} ${'pair R'.padStart(7)} ${'pair F1'.padStart(7)} ${'B3 F1'.padStart(7)}  pairs`);
    for (const { method, scores } of quality.rows) {
      for (const subset of subsets) {
        const s = scores[subset];
        const label = subset === 'all' ? method : '';
        console.log(`${label.padEnd(36)} ${subset.padEnd(9)} ${fmt(s.precision).padStart(7)} ${fmt(s.recall).padStart(7)} ${fmt(s.f1).padStart(7)} ${fmt(s.bcubedF1).padStart(7)}  ${s.predictedPairs}`);
      }
    }
    console.log(`hard negatives merged: ${quality.hardNegativesMerged.length}/${quality.hardNegatives}${quality.hardNegativesMerged.map((h) => `\n  ${h}`).join('')}`);
    // Errors are listed for the tune half only (pairs with an item in it), so the held-out half's own
    // errors stay unread while rules are tuned.
    if (values.verbose) {
      const tuneOnly = (pairs: Array<{ splits: string[]; text: string }>) => pairs.filter((pair) => pair.splits.includes('tune')).map((pair) => pair.text);
      console.log(`wrong pairs (tune half):\n  ${tuneOnly(quality.wrongPairs).join('\n  ')}`);
      console.log(`missed pairs (tune half):\n  ${tuneOnly(quality.missedPairs).join('\n  ')}`);
    }
  }
  if (values['skip-scale']) return;
  const baseUrl = values.pg || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const sizes = (values.sizes ?? '10000,1000000').split(',').map(Number);
  const rows = await measureScale(baseUrl, sizes, Number(values.new ?? 300));
  console.log(`\nassignment on PostgreSQL (${perDayNote}), ${values.new ?? 300} new items each:`);
  for (const row of rows) {
    console.log(`  ${String(row.stored).padStart(8)} stored: mean ${fmt(row.perItemMs.mean)} ms, p50 ${fmt(row.perItemMs.p50)} ms, p95 ${fmt(row.perItemMs.p95)} ms per item (${row.joined} joined a story; load ${row.loadSeconds.toFixed(1)} s)`);
  }
  if (rows.length >= 2) console.log(`  ratio ${rows[rows.length - 1]!.stored} / ${rows[0]!.stored}: ${(rows[rows.length - 1]!.perItemMs.mean / rows[0]!.perItemMs.mean).toFixed(2)} × (bar: ≤ 2)`);
}

const perDayNote = 'synthetic items at 1,000 a day, 7-day window';
