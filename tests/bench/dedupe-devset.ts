// The labelled same-event set: ids and labels live in tests/fixtures/dedupe/ai36kr-stories.json,
// the text is read from ../shared/corpus at bench time (the corpus folder has no licence).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DedupeInput } from '../../src/dedupe/exact.js';
import { hash32 } from '../../src/dedupe/minhash.js';
import { parseFeed } from '../../src/parse/feed.js';
import { corpusDir, fixture, projectRoot } from '../helpers/fixtures.js';

export interface DevItem extends DedupeInput {
  published: string;
  sourceName: string;
}

interface Labels {
  corpus: string;
  groups: string[][];
  hardNegatives: Array<[string, string, string]>;
}

interface Snapshot {
  posts: Array<{ id: number; title: string; summary: string | null; url: string; source: string; created_at: string }>;
  flashes: Array<{ id: number; content: string; url: string; source: string; created_at: string }>;
}

const labelFile = (name: string) => JSON.parse(readFileSync(join(projectRoot, 'tests', 'fixtures', 'dedupe', name), 'utf8'));

export function loadLabels(): Labels {
  return labelFile('ai36kr-stories.json') as Labels;
}

/**
 * The English supplement: three permissively licensed news feeds already in tests/fixtures
 * (SCMP's Hong Kong protest coverage is dense with same-topic, different-event items).
 */
export async function loadEnglishSet(): Promise<{ items: DevItem[]; groups: string[][]; hardNegatives: Array<[string, string, string]> }> {
  const labels = labelFile('feeds-en-stories.json') as { feeds: string[]; groups: string[][]; hardNegatives: Array<[string, string, string]> };
  const items: DevItem[] = [];
  for (const file of labels.feeds) {
    const name = file.replace(/^feeds\//, '').replace(/\.xml$/, '');
    const feed = await parseFeed(fixture(file).toString('utf8'), { zone: 'UTC' });
    feed.items.forEach((item, index) => {
      if (!item.published) return;
      items.push({ id: `${name}#${index}`, url: item.url, title: item.title, text: item.summary ?? '', published: item.published, source: name, sourceName: name });
    });
  }
  items.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
  return { items, groups: labels.groups, hardNegatives: labels.hardNegatives };
}

/** All items of the snapshot in arrival order (created_at, then id), or undefined without the corpus. */
export function loadDevItems(labels: Labels): DevItem[] | undefined {
  const path = join(corpusDir, labels.corpus);
  if (!existsSync(path)) return undefined;
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const posts = snapshot.posts.map((post) => ({
    id: `p${post.id}`, url: post.url, title: post.title, text: post.summary ?? '', published: post.created_at,
    source: post.source, sourceName: post.source,
  }));
  // A flash is "title — text" in one field.
  const flashes = snapshot.flashes.map((flash) => {
    const [title, ...rest] = flash.content.split(' — ');
    return { id: `f${flash.id}`, url: flash.url, title: title ?? '', text: rest.join(' — '), published: flash.created_at, source: flash.source, sourceName: flash.source };
  });
  return [...posts, ...flashes].sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
}

/** Which half of the dev set a labelled story is in: rules are tuned on one, scored on both. */
export type Split = 'tune' | 'held-out';

/**
 * A deterministic split by a hash of the story's key (its smallest item id), so a story is never
 * cut in two and the halves do not move when labels are added or reordered.
 */
export const splitOf = (storyKey: string): Split => (hash32(storyKey) % 2 === 0 ? 'tune' : 'held-out');

/** Item id → story key: the smallest id of its labelled group, or its own id when it is in none. */
export function truthOf(items: readonly DevItem[], groups: readonly string[][]): Map<string, string> {
  const known = new Set(items.map((item) => item.id));
  const truth = new Map<string, string>();
  for (const group of groups) {
    const key = [...group].sort()[0]!;
    for (const id of group) {
      if (!known.has(id)) throw new Error(`dedupe dev set: labelled item ${id} is not in the corpus`);
      truth.set(id, key);
    }
  }
  for (const item of items) if (!truth.has(item.id)) truth.set(item.id, item.id);
  return truth;
}
