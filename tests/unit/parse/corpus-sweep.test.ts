import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { decodeBody } from '../../../src/fetch/charset.js';
import { parseFeed } from '../../../src/parse/feed.js';
import { corpusDir, hasCorpus } from '../../helpers/fixtures.js';

const feedsDir = join(corpusDir, 'feeds');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file in ../shared/corpus/feeds/ either parses or fails with a clean parse error: no crash, no hang. */
describe.skipIf(!hasCorpus)('corpus sweep over ../shared/corpus/feeds', () => {
  it('parses each file or fails cleanly', { timeout: 300_000 }, async () => {
    const files = filesUnder(feedsDir);
    const unclean: string[] = [];
    let parsed = 0;
    let items = 0;
    let slowest = { file: '', ms: 0 };
    for (const file of files) {
      const name = relative(feedsDir, file);
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('hang: no answer within 10 s')), 10_000);
      });
      try {
        const feed = await Promise.race([parseFeed(decodeBody(readFileSync(file)), { baseUrl: `https://corpus.example/${name}` }), hang]);
        parsed++;
        items += feed.items.length;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'parse' && error.message.startsWith('parse: '))) unclean.push(`${name}: ${String(error)}`);
      } finally {
        clearTimeout(timer);
      }
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { file: name, ms };
    }
    console.log(`corpus sweep: ${parsed} of ${files.length} files parsed (${items} items), ${files.length - parsed - unclean.length} failed cleanly, ${unclean.length} unclean; slowest ${slowest.file} ${Math.round(slowest.ms)} ms`);
    expect(unclean).toEqual([]);
    expect(parsed).toBeGreaterThan(files.length / 2);
  });
});
