// Loads the tagging development set: hand labels from tests/fixtures/tag-dev/, text from
// ../shared/corpus/ (never copied into the repo) or, for the traps we wrote, from the fixture.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBody } from '../../src/fetch/charset.js';
import { parseFeed } from '../../src/parse/feed.js';
import type { TagInput } from '../../src/tag/matcher.js';
import { corpusDir, fixture } from '../helpers/fixtures.js';

export interface LabelledItem {
  ref: string;
  subset: 'ai36kr' | 'feeds' | 'traps';
  /** `dev`: tuned on; `holdout`: scored, errors read only in round 2; `fresh`: labelled in round 2, never tuned on. */
  split: 'dev' | 'holdout' | 'fresh';
  input: TagInput;
  companies: string[];
  relevant: boolean;
}

interface SnapshotPost {
  id: number;
  title: string;
  summary: string | null;
  content: string | null;
}

const snapshotPath = join(corpusDir, 'items', 'irisfeng-ai36kr-NO-LICENSE', 'snapshot.json');

/** The labelled items whose text is available here; `missing` counts those skipped for lack of the corpus. */
export async function loadDevSet(): Promise<{ items: LabelledItem[]; missing: number }> {
  const items: LabelledItem[] = [];
  let missing = 0;
  const posts = existsSync(snapshotPath)
    ? new Map((JSON.parse(readFileSync(snapshotPath, 'utf8')) as { posts: SnapshotPost[] }).posts.map((p) => [`ai36kr:${p.id}`, p]))
    : new Map<string, SnapshotPost>();
  const feeds = new Map<string, Awaited<ReturnType<typeof parseFeed>>>();
  for (const line of fixture('tag-dev/labels.tsv').toString('utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [ref, companies, relevant, split] = line.split('\t') as [string, string, string, LabelledItem['split']];
    const label = { ref, split, companies: companies ? companies.split(',') : [], relevant: relevant === '1' };
    if (ref.startsWith('ai36kr:')) {
      const post = posts.get(ref);
      if (!post) { missing++; continue; }
      items.push({ ...label, subset: 'ai36kr', input: { title: post.title, summary: post.summary, body: post.content } });
      continue;
    }
    const [file, index] = ref.slice('feed:'.length).split('#') as [string, string];
    const path = join(corpusDir, 'feeds', file);
    if (!existsSync(path)) { missing++; continue; }
    if (!feeds.has(file)) feeds.set(file, await parseFeed(decodeBody(readFileSync(path))));
    const item = feeds.get(file)!.items[Number(index)]!;
    items.push({ ...label, subset: 'feeds', input: { title: item.title, summary: item.summary } });
  }
  for (const line of fixture('tag-dev/traps.jsonl').toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const trap = JSON.parse(line) as { id: string; title: string; text: string; companies: string[]; relevant: boolean };
    items.push({ ref: trap.id, subset: 'traps', split: 'dev', input: { title: trap.title, body: trap.text }, companies: trap.companies, relevant: trap.relevant });
  }
  return { items, missing };
}
