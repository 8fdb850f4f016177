import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A file under tests/fixtures/. */
export function fixture(path: string): Buffer {
  return readFileSync(join(root, 'tests', 'fixtures', path));
}

/** ../shared/corpus beside the checkout, when present (tests that need it skip otherwise). */
export const corpusDir = join(root, '..', 'shared', 'corpus');
export const hasCorpus = existsSync(corpusDir);

export const projectRoot = root;
