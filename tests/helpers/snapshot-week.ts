import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import type { SourceConfig } from '../../src/domain.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { runSources } from '../../src/pipeline/run-sources.js';
import type { Db } from '../../src/store/db.js';
import type { FeedServer } from './feed-server.js';
import { corpusDir } from './fixtures.js';
import { pipelineDeps, sourceOf } from './pipeline-deps.js';

/**
 * A real week of AI news: the TideWire export of 2026-08-17 → 2026-08-22 (NO LICENCE, so read from
 * ../shared/corpus at test time, never copied). Each outlet's posts are served as an RSS feed, so
 * they go through the real pipeline: fetch → parse → normalize → tag → store.
 */
export const snapshotWeek = { week: '2026-W34', zone: 'Asia/Shanghai' };

interface Post {
  id: number;
  title: string;
  summary: string | null;
  url: string;
  source: string;
  created_at: string;
}

// Outlet names in the export → our source slugs, with feeds.json's names, languages and weights.
const known: Record<string, Partial<SourceConfig> & { slug: string }> = {
  '36氪': { slug: '36kr', name: '36Kr', language: 'zh', weight: 1.2 },
  钛媒体: { slug: 'tmtpost', name: '钛媒体', language: 'zh', weight: 1 },
  量子位: { slug: 'qbitai', name: '量子位', language: 'zh', weight: 1.1 },
  爱范儿: { slug: 'ifanr', name: '爱范儿', language: 'zh', weight: 0.8 },
  InfoQ: { slug: 'infoq-cn', name: 'InfoQ', language: 'zh', weight: 1 },
  TechCrunch: { slug: 'techcrunch-ai', name: 'TechCrunch', weight: 1.3 },
  'The Verge': { slug: 'the-verge', name: 'The Verge', weight: 1.2 },
};

const slugOf = (name: string) => known[name]?.slug ?? name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** The export's posts grouped by outlet. */
export function snapshotPosts(): Map<string, Post[]> {
  const snapshot = JSON.parse(readFileSync(join(corpusDir, 'items/irisfeng-ai36kr-NO-LICENSE/snapshot.json'), 'utf8')) as { posts: Post[] };
  const byOutlet = new Map<string, Post[]>();
  for (const post of snapshot.posts) byOutlet.set(post.source, [...(byOutlet.get(post.source) ?? []), post]);
  return byOutlet;
}

/** An RSS 2.0 document for some posts, as the outlet's feed would carry them. */
export function rssOf(title: string, posts: Post[]): string {
  const items = posts.map(
    (p) =>
      `<item><title>${cdata(p.title)}</title><link>${cdata(p.url)}</link><guid isPermaLink="false">tidewire-${p.id}</guid>` +
      `<pubDate>${new Date(p.created_at).toUTCString()}</pubDate><description>${cdata(p.summary ?? '')}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${cdata(title)}</title><link>https://example.org/</link>${items.join('')}</channel></rss>\n`;
}

/** Serves one feed per outlet on the test server and returns the matching source entries. */
export function serveSnapshotFeeds(server: FeedServer, filter: (post: Post) => boolean = () => true): SourceConfig[] {
  const sources: SourceConfig[] = [];
  for (const [outlet, posts] of snapshotPosts()) {
    const slug = slugOf(outlet);
    server.file(`/${slug}.xml`, rssOf(outlet, posts.filter(filter)));
    sources.push(sourceOf(slug, server.url(`/${slug}.xml`), { name: outlet, ...known[outlet], zone: 'UTC' }));
  }
  return sources;
}

/** Pipeline deps for the snapshot feeds: 21 feeds at once, so an even longer fetch timeout. */
export async function snapshotDeps(db: Db, sources: SourceConfig[]): Promise<PipelineDeps> {
  const deps = await pipelineDeps(db, sources);
  return { ...deps, config: loadConfig({ ALLOW_PRIVATE_HOSTS: 'true', FETCH_TIMEOUT_MS: '60000', LOG_LEVEL: 'silent' }) };
}

/**
 * Fetches every snapshot feed, retrying a source that failed (a loaded shared machine sometimes
 * resets a loopback keep-alive socket); returns the new item count and the errors that remained.
 */
export async function ingestSnapshot(deps: PipelineDeps, slugs: string[]): Promise<{ itemsNew: number; errors: string[] }> {
  let pending = slugs;
  let itemsNew = 0;
  let errors: string[] = [];
  for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) {
    const { run, outcomes } = await runSources(deps, { trigger: 'test', slugs: pending });
    itemsNew += run.itemsNew;
    const failed = outcomes.filter((o) => o.status === 'error');
    errors = failed.map((o) => o.error ?? o.slug);
    pending = failed.map((o) => o.slug);
  }
  return { itemsNew, errors };
}
