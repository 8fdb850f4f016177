import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/fixtures.js';

const srcDir = join(projectRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles(srcDir).map((path) => ({
  path: relative(srcDir, path).replace(/\\/g, '/'),
  text: readFileSync(path, 'utf8'),
}));

function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

/** House rules (STYLE.md): one library, one home; pure stages; config in one place. */
const libraryHomes: Array<{ pattern: RegExp; homes: RegExp; what: string }> = [
  { pattern: /^(drizzle-orm|postgres|@electric-sql\/pglite)(\/|$)/, homes: /^store\//, what: 'database libraries' },
  { pattern: /^(rss-parser|cheerio)(\/|$)/, homes: /^parse\//, what: 'rss-parser and cheerio' },
  { pattern: /^node-cron(\/|$)/, homes: /^jobs\//, what: 'node-cron' },
  { pattern: /^(hono|@hono\/)/, homes: /^(api\/|main\.ts$)/, what: 'hono' },
];

const pureStages = ['parse', 'normalize', 'dedupe', 'tag', 'roundup'];
const impureTargets = /(^|\/)(store|fetch|pipeline|api|jobs|cli)\/|\/(main|runtime|config)\.js$/;

describe('architecture', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(libraryHomes)('keeps $what in their home', ({ pattern, homes }) => {
    const offenders = files.filter((f) => !homes.test(f.path) && importsOf(f.text).some((spec) => pattern.test(spec)));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('keeps the pipeline stages pure: no store, network, scheduler or HTTP imports', () => {
    const offenders = files
      .filter((f) => pureStages.some((stage) => f.path.startsWith(`${stage}/`)))
      .flatMap((f) => importsOf(f.text).filter((spec) => spec.startsWith('.') && impureTargets.test(spec)).map((spec) => `${f.path} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('reads the clock only at the edges: stages take `now` as an argument', () => {
    const offenders = files.filter((f) => pureStages.some((stage) => f.path.startsWith(`${stage}/`)) && /new Date\(\)|Date\.now\(\)/.test(f.text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('reads process.env only in config.ts', () => {
    const offenders = files.filter((f) => f.path !== 'config.ts' && /process\.env/.test(f.text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});
