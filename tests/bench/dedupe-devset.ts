// The labelled same-event set: ids and labels live in tests/fixtures/dedupe/ai36kr-stories.json,
// the text is read from ../shared/corpus at bench time (the corpus folder has no licence).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DedupeInput } from '../../src/dedupe/exact.js';
import { corpusDir, projectRoot } from '../helpers/fixtures.js';

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

export function loadLabels(): Labels {
  return JSON.parse(readFileSync(join(projectRoot, 'tests', 'fixtures', 'dedupe', 'ai36kr-stories.json'), 'utf8')) as Labels;
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
