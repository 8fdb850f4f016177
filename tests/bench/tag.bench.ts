// `npm run bench -- tag [--errors] [--round3] [--no-speed]`: tagging quality on the hand-labelled dev set (micro
// P/R/F1 over (item, company) pairs, per company, relevance accuracy) and matcher throughput with the
// real catalogue and a 10x synthetic one. Figures are printed, never asserted. The round-3 split is
// held out: it is tagged and scored only with --round3, and its errors are never printed.
import { cpus, loadavg } from 'node:os';
import type { TagResult } from '../../src/domain.js';
import { catalogue } from '../../src/tag/catalogue.js';
import { buildLexicon, type Lexicon } from '../../src/tag/lexicon.js';
import { tagText } from '../../src/tag/matcher.js';
import { loadDevSet, type LabelledItem } from './tag-dev-set.js';
import { formatScores, prf, scoreItems } from './tag-scores.js';
import { syntheticCatalogue } from './tag-synthetic.js';

export async function main(args: string[]): Promise<void> {
  const { items, missing } = await loadDevSet({ round3: args.includes('--round3') });
  if (missing > 0) console.log(`note: ${missing} labelled items skipped: ../shared/corpus is not here`);
  const results = items.map((item) => tagText(item.input));
  printQuality(items, results);
  if (args.includes('--errors')) printErrors(items, results);
  if (args.includes('--no-speed')) return;
  // Throughput over the snapshot posts and feed items only, so the figure stays comparable whether or not round 3 is loaded.
  printThroughput(items.filter((item) => item.subset === 'ai36kr' || item.subset === 'feeds'));
}

function printQuality(items: LabelledItem[], results: TagResult[]): void {
  const pick = (keep: (item: LabelledItem) => boolean) => {
    const chosen = items.map((item, i) => [item, results[i]!] as const).filter(([item]) => keep(item));
    return scoreItems(chosen.map(([item]) => item), chosen.map(([, result]) => result));
  };
  console.log('== tagging quality (hand labels; see tests/fixtures/tag-dev/README.md)');
  console.log(formatScores('real items, all', pick((i) => i.subset !== 'traps')));
  console.log(formatScores('real items, dev', pick((i) => i.subset !== 'traps' && i.split === 'dev')));
  console.log(formatScores('real items, holdout', pick((i) => i.subset !== 'traps' && i.split === 'holdout')));
  console.log(formatScores('real items, fresh', pick((i) => i.subset !== 'traps' && i.split === 'fresh')));
  console.log(formatScores('dev + holdout (round 1)', pick((i) => i.subset !== 'traps' && (i.split === 'dev' || i.split === 'holdout'))));
  if (items.some((i) => i.split === 'round3')) {
    console.log(formatScores('round3 (held out)', pick((i) => i.split === 'round3')));
    console.log(formatScores('  round3, new stories', pick((i) => i.split === 'round3' && !i.repeatsPost)));
    console.log(formatScores('  round3, post stories', pick((i) => i.split === 'round3' && i.repeatsPost === true)));
    console.log(formatScores('tuning (all but round3)', pick((i) => i.subset !== 'traps' && i.split !== 'round3')));
  }
  console.log(formatScores('  36kr snapshot posts', pick((i) => i.subset === 'ai36kr')));
  console.log(formatScores('  news feeds', pick((i) => i.subset === 'feeds')));
  console.log(formatScores('written traps', pick((i) => i.subset === 'traps')));
  console.log(formatScores('everything', pick(() => true)));
  const all = pick(() => true);
  console.log('\nper company (real items and traps): tp fp fn  P  R');
  for (const [company, counts] of [...all.perCompany].sort(([a], [b]) => a.localeCompare(b))) {
    const { p, r } = prf(counts);
    console.log(`  ${company.padEnd(18)} ${String(counts.tp).padStart(3)} ${String(counts.fp).padStart(3)} ${String(counts.fn).padStart(3)}  ${p.toFixed(2)} ${r.toFixed(2)}`);
  }
}

/** Errors on the tuning splits (dev, holdout, fresh); round 3 stays unread, so its figure stays a held-out one. */
function printErrors(items: LabelledItem[], results: TagResult[]): void {
  console.log('\n== errors on the dev, holdout (H) and fresh (F) splits (round3 is never printed)');
  const mark = { dev: '', holdout: 'H ', fresh: 'F ', round3: '' } as const;
  items.forEach((item, i) => {
    if (item.split === 'round3') return;
    const result = results[i]!;
    const got = result.companies.map((t) => t.company).sort().join(',');
    const want = [...item.companies].sort().join(',');
    if (got === want && result.relevant === item.relevant) return;
    const evidence = result.companies.map((t) => `${t.company}:${t.alias}@${t.field}`).join(' ');
    console.log(`${mark[item.split]}${item.ref} want [${want}] rel ${item.relevant} | got [${got}] rel ${result.relevant} | ${evidence} | ${item.input.title.slice(0, 70)}`);
  });
}

function printThroughput(items: LabelledItem[]): void {
  const bytes = items.reduce((sum, item) => sum + Buffer.byteLength(`${item.input.title}${item.input.summary ?? ''}${item.input.body ?? ''}`), 0);
  const real = buildLexicon(catalogue);
  const tenfoldCatalogue = syntheticCatalogue(catalogue, 10);
  const buildStart = performance.now();
  const tenfold = buildLexicon(tenfoldCatalogue);
  const buildMs = performance.now() - buildStart;
  // CPU time, not wall time: the machine is shared, and CPU time is what one core spends on the work.
  const time = (lexicon: Lexicon) => {
    for (const item of items) tagText(item.input, lexicon); // warm-up
    let rounds = 0;
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    while (performance.now() - wallStart < 3000) {
      for (const item of items) tagText(item.input, lexicon);
      rounds++;
    }
    const cpu = process.cpuUsage(cpuStart);
    return { cpuMs: (cpu.user + cpu.system) / 1000 / rounds, wallMs: (performance.now() - wallStart) / rounds };
  };
  const realTime = time(real);
  const tenfoldTime = time(tenfold);
  const realMs = realTime.cpuMs;
  const tenfoldMs = tenfoldTime.cpuMs;
  const mbps = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
  console.log(`\n== throughput (one core, tagText over ${items.length} real items, ${(bytes / 1e6).toFixed(2)} MB UTF-8 per round)`);
  console.log(`catalogue ${catalogue.length} companies, ${real.terms.length} terms, ${real.automaton.stateCount} states: ${realMs.toFixed(1)} ms CPU/round, ${mbps(realMs)} MB/s (wall ${realTime.wallMs.toFixed(1)} ms/round)`);
  console.log(`10x catalogue ${tenfoldCatalogue.length} companies, ${tenfold.terms.length} terms, ${tenfold.automaton.stateCount} states (built in ${buildMs.toFixed(0)} ms): ${tenfoldMs.toFixed(1)} ms CPU/round, ${mbps(tenfoldMs)} MB/s (wall ${tenfoldTime.wallMs.toFixed(1)} ms/round)`);
  const companyTerms = (lexicon: Lexicon) => lexicon.meanings.filter((m) => m.some((x) => x.kind === 'alias' || x.kind === 'exclude')).length;
  console.log(`company terms: ${companyTerms(real)} vs ${companyTerms(tenfold)} (${(companyTerms(tenfold) / companyTerms(real)).toFixed(1)}x)`);
  console.log(`10x / 1x CPU time: ${(tenfoldMs / realMs).toFixed(2)}`);
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (${cpus().length} cores)`);
}
