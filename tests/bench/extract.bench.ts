// `npm run bench -- extract [--worst N] [--reference] [--generic]`
// Scores our article extractor and Readability.js (over linkedom) on the Article Extraction Benchmark
// (../shared/corpus/extraction/article-extraction-benchmark, MIT) with the benchmark's own metric, in one run.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../src/parse/article/extract-article.js';
import { corpusDir } from '../helpers/fixtures.js';
import { aggregate, pageF1, scorePage, type PageCounts } from './shingle-metric.js';

const benchDir = join(corpusDir, 'extraction', 'article-extraction-benchmark');

interface Page {
  id: string;
  url: string;
  html: string;
  truth: string;
}

function loadPages(): Page[] {
  const truth = JSON.parse(readFileSync(join(benchDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return readdirSync(join(benchDir, 'html'))
    .filter((name) => name.endsWith('.html.gz'))
    .map((name) => {
      const id = name.replace(/\.html\.gz$/, '');
      const html = gunzipSync(readFileSync(join(benchDir, 'html', name))).toString('utf8');
      return { id, url: truth[id]!.url, html, truth: truth[id]!.articleBody };
    });
}

type Extractor = (page: Page) => string;

const ours: Extractor = (page) => extractArticle(page.html, page.url).text;

const readability: Extractor = (page) => {
  const { document } = parseHTML(page.html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
};

function run(name: string, extract: Extractor, pages: Page[]): { name: string; msPerPage: number; counts: PageCounts[] } {
  for (const page of pages.slice(0, 10)) extract(page); // warm up the JIT before timing
  const outputs: string[] = [];
  const started = performance.now();
  for (const page of pages) outputs.push(extract(page));
  const msPerPage = (performance.now() - started) / pages.length;
  return { name, msPerPage, counts: pages.map((page, i) => scorePage(page.truth, outputs[i]!)) };
}

function print(result: { name: string; msPerPage?: number; counts: PageCounts[] }): void {
  const { precision, recall, f1 } = aggregate(result.counts);
  const ms = result.msPerPage === undefined ? '' : `  ${result.msPerPage.toFixed(1)} ms/page`;
  console.log(`${result.name.padEnd(24)} F1=${f1.toFixed(3)}  precision=${precision.toFixed(3)}  recall=${recall.toFixed(3)}${ms}`);
}

export async function main(args: string[]): Promise<void> {
  if (!existsSync(benchDir)) {
    console.log(`extract bench: ${benchDir} is absent; nothing to score`);
    return;
  }
  const pages = loadPages();
  console.log(`${pages.length} pages from ${benchDir}`);
  if (args.includes('--reference')) {
    // Sanity check of the metric: the benchmark's stored Readability.js 0.6.0 output scores 0.947 upstream.
    const file = JSON.parse(readFileSync(join(benchDir, 'reference-outputs', 'readability_js.json'), 'utf8')) as { output: Record<string, { articleBody?: string }> };
    const stored = file.output;
    print({ name: 'stored readability_js', counts: pages.map((p) => scorePage(p.truth, stored[p.id]?.articleBody ?? '')) });
  }
  // Each extractor gets its own warm-up, then one timed pass over all pages (parse + extract, no I/O).
  const theirs = run('Readability.js+linkedom', readability, pages);
  const mine = run('china-ai-news extract', ours, pages);
  print(mine);
  print(theirs);
  // How much the per-site rules add: the general algorithm alone on the same pages.
  if (args.includes('--generic')) print(run('ours, no site rules', (page) => extractArticle(page.html, page.url, { siteRules: false }).text, pages));
  const worstIndex = args.indexOf('--worst');
  if (worstIndex >= 0) {
    const n = Number(args[worstIndex + 1] ?? 15);
    const ranked = pages.map((p, i) => ({ p, f1: pageF1(mine.counts[i]!), theirs: pageF1(theirs.counts[i]!) })).sort((a, b) => a.f1 - b.f1);
    for (const { p, f1, theirs: t } of ranked.slice(0, n)) console.log(`${f1.toFixed(3)} (readability ${t.toFixed(3)})  ${p.id.slice(0, 12)}  ${p.url}`);
  }
}
