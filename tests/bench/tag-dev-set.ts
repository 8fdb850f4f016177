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
  subset: 'ai36kr' | 'flashes' | 'feeds' | 'traps';
  /**
   * `dev`: tuned on; `holdout`: scored, errors read in round 2; `fresh`: labelled in round 2;
   * `round3`: the snapshot's flashes, labelled in round 3 and never tuned on (see the README).
   */
  split: 'dev' | 'holdout' | 'fresh' | 'round3';
  /** A flash whose story is also a snapshot post (same URL or title): its text was seen while tuning. */
  repeatsPost?: boolean;
  input: TagInput;
  companies: string[];
  relevant: boolean;
}

interface SnapshotPost {
  id: number;
  title: string;
  summary: string | null;
  content: string | null;
  url: string;
}

/** A 快讯 of the snapshot: one `content` string, "headline — lead" (the lead cut at about 150 characters). */
interface SnapshotFlash {
  id: number;
  content: string;
  url: string;
}

interface Snapshot {
  posts: SnapshotPost[];
  flashes: SnapshotFlash[];
}

const snapshotPath = join(corpusDir, 'items', 'irisfeng-ai36kr-NO-LICENSE', 'snapshot.json');

/**
 * The labelled items whose text is available here; `missing` counts those skipped for lack of the
 * corpus. Round-3 items are left out unless asked for, so a tuning run never tags them.
 */
export async function loadDevSet(options: { round3?: boolean } = {}): Promise<{ items: LabelledItem[]; missing: number }> {
  const items: LabelledItem[] = [];
  let missing = 0;
  const snapshot: Snapshot = existsSync(snapshotPath) ? (JSON.parse(readFileSync(snapshotPath, 'utf8')) as Snapshot) : { posts: [], flashes: [] };
  const posts = new Map(snapshot.posts.map((p) => [`ai36kr:${p.id}`, p]));
  const flashes = new Map(snapshot.flashes.map((f) => [`ai36kr-flash:${f.id}`, f]));
  const postUrls = new Set(snapshot.posts.map((p) => p.url));
  const postTitles = new Set(snapshot.posts.map((p) => p.title));
  const feeds = new Map<string, Awaited<ReturnType<typeof parseFeed>>>();
  for (const line of fixture('tag-dev/labels.tsv').toString('utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [ref, companies, relevant, split] = line.split('\t') as [string, string, string, LabelledItem['split']];
    const label = { ref, split, companies: companies ? companies.split(',') : [], relevant: relevant === '1' };
    if (split === 'round3' && !options.round3) continue;
    if (ref.startsWith('ai36kr-flash:')) {
      const flash = flashes.get(ref);
      if (!flash) { missing++; continue; }
      const input = flashInput(flash.content);
      const repeatsPost = postUrls.has(flash.url) || postTitles.has(input.title);
      items.push({ ...label, subset: 'flashes', input, repeatsPost });
      continue;
    }
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

/** A flash as the tagger sees it: the headline before the first " — " as title, the lead after it as summary. */
export function flashInput(content: string): TagInput {
  const cut = content.indexOf(' — ');
  return cut < 0 ? { title: content, summary: null } : { title: content.slice(0, cut), summary: content.slice(cut + 3) };
}
