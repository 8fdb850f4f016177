import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { cleanLede } from '../../src/roundup/clean-lede.js';
import { wordCount } from '../../src/roundup/summarize.js';
import type { Draft } from '../../src/roundup/types.js';
import type { DbHandle } from '../../src/store/db.js';
import { FeedServer } from '../helpers/feed-server.js';
import { hasCorpus, projectRoot } from '../helpers/fixtures.js';
import { ingestSnapshot, serveSnapshotFeeds, snapshotDeps, snapshotWeek } from '../helpers/snapshot-week.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

const token = 'editor-secret-token';
const outputDir = join(projectRoot, 'tests', 'output');
const { week, zone } = snapshotWeek;
const base = `/api/roundups/${week}?zone=${encodeURIComponent(zone)}`;
// The first fetch sees the week up to Thursday; the rest "arrives" later, to test regeneration.
const cutoff = Date.parse('2026-08-21T00:00:00Z');

describe.skipIf(!hasCorpus)(`a real week through the pipeline into a roundup on ${dbKind}`, () => {
  const server = new FeedServer();
  let handle: DbHandle;
  let deps: Awaited<ReturnType<typeof snapshotDeps>>;
  let app: ReturnType<typeof createApp>;
  const get = async (path = base) => (await (await app.request(path)).json()) as Draft;
  const patch = (body: unknown, path = base, auth = `Bearer ${token}`) =>
    app.request(path, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify(body) });

  beforeAll(async () => {
    await server.start();
    const sources = serveSnapshotFeeds(server, (post) => Date.parse(post.created_at) < cutoff);
    handle = await openTestDb();
    deps = await snapshotDeps(handle.db, sources);
    expect((await ingestSnapshot(deps, sources.map((s) => s.slug))).errors).toEqual([]);
    const config = loadConfig({ EDITOR_TOKEN: token, LOG_LEVEL: 'silent' });
    app = createApp({ db: handle.db, dbKind: handle.kind, config, log: createLogger('silent'), now: () => new Date('2026-08-23T12:00:00Z') });
  });

  afterAll(async () => {
    await handle?.close();
    await server.stop();
  });

  it('drafts eight ranked, capped, explained bullets from stories first seen in the week', async () => {
    const draft = await get();
    expect(draft).toMatchObject({ week, zone, status: 'draft', from: '2026-08-16T16:00:00.000Z', to: '2026-08-23T16:00:00.000Z' });
    expect(draft.entries).toHaveLength(8);
    const scores = draft.entries.map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const perCompany = new Map<string, number>();
    for (const entry of draft.entries) {
      expect(entry.companies.length).toBeGreaterThan(0);
      expect(entry.reasons.length).toBe(4);
      expect(Date.parse(entry.firstSeenAt)).toBeGreaterThanOrEqual(Date.parse(draft.from));
      expect(Date.parse(entry.firstSeenAt)).toBeLessThan(Date.parse(draft.to));
      expect(entry.outlets[0]!.url).toMatch(/^https?:\/\//);
      perCompany.set(entry.companies[0]!, (perCompany.get(entry.companies[0]!) ?? 0) + 1);
    }
    expect(Math.max(...perCompany.values())).toBeLessThanOrEqual(2);
    expect(draft.alternates.length).toBeGreaterThan(0);
  });

  it('summarises from the lede: cleaned, short, never invented, Chinese flagged for translation', async () => {
    const draft = await get();
    for (const entry of draft.entries) {
      // The summary comes from the story's representative item, whichever of its items that is.
      const items = await Promise.all(
        entry.items.map(async (i) => (await (await app.request(`/api/items/${i.id}`)).json()) as { summary: string; title: string; language: string }),
      );
      expect(wordCount(entry.summary)).toBeLessThanOrEqual(46);
      const start = entry.summary.replace(/…$/, '').slice(0, 15);
      expect(items.some((item) => (cleanLede(item.summary) + cleanLede(item.title)).includes(start)), start).toBe(true);
      expect(entry.needsTranslation).toBe(items.every((item) => item.language === 'zh'));
    }
    expect(draft.entries.some((e) => e.needsTranslation)).toBe(true);
  });

  it('renders Markdown bullets in the seed style and email-safe HTML', async () => {
    const md = await (await app.request(`${base}&format=md`)).text();
    const bullets = md.split('\n').filter((line) => line.startsWith('- '));
    expect(bullets).toHaveLength(8);
    for (const line of bullets) expect(line).toMatch(/^- .+ \(\[[^\]]+\]\(https?:\/\/[^)]+\)(, \[[^\]]+\]\(https?:\/\/[^)]+\))*\)( <!-- needs translation -->)?$/);
    // Kept for the README's "Roundup" section and for reading by eye (tests/output/ is git-ignored).
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(join(outputDir, `roundup-${week}.md`), md);
    writeFileSync(join(outputDir, `roundup-${week}.json`), await (await app.request(base)).text());
    const html = await app.request(`${base}&format=html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect((await html.text()).match(/<li /g)).toHaveLength(8);
  });

  it('refuses bad input with a 4xx naming the parameter', async () => {
    const cases: Array<[string, number, string]> = [
      [`/api/roundups/2026-W60?zone=UTC`, 400, 'week'],
      [`/api/roundups/${week}?zone=Nowhere%2FCity`, 400, 'zone'],
      [`${base}&format=pdf`, 400, 'format'],
      [`${base}&limit=0`, 400, 'limit'],
      [`${base}&colour=red`, 400, 'colour'],
    ];
    for (const [path, status, name] of cases) {
      const res = await app.request(path);
      expect(res.status, path).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(name);
    }
    expect((await patch({ exclude: [1] }, base, 'Bearer wrong')).status).toBe(401);
    const bad = await patch({ exclude: ['one'] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^exclude\.0:/);
    const missing = await patch({ pin: [999_999_999] });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('pin: no story with id 999999999');
    expect((await patch({ add: [999_999_999] })).status).toBe(404);
    expect((await patch({ shuffle: true })).status).toBe(400);
    const big = await app.request(base, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: `{"order":[${'1,'.repeat(40_000)}1]}` });
    expect(big.status).toBe(413);
  });

  it('leaves out stories used in an earlier final roundup', async () => {
    const before = await get();
    const used = before.entries[0]!.storyId;
    // The editor ran this story a week early: added to 2026-W33 by id, and W33 made final.
    const previous = `/api/roundups/2026-W33?zone=${encodeURIComponent(zone)}`;
    const final = (await (await patch({ add: [used], status: 'final' }, previous)).json()) as Draft;
    expect(final.status).toBe('final');
    expect(final.entries.map((e) => e.storyId)).toEqual([used]);
    const after = await get();
    expect(after.entries.map((e) => e.storyId)).not.toContain(used);
    expect(after.alternates.map((e) => e.storyId)).not.toContain(used);
    expect(after.entries).toHaveLength(8);
  });

  it('keeps the editor’s changes across requests and new items arriving', async () => {
    const draft = await get();
    const [first, second, third] = draft.entries.map((e) => e.storyId);
    const pinned = draft.alternates[0]!.storyId;
    const res = await patch({ exclude: [first], pin: [pinned], order: [third, second], summaries: { [String(second)]: 'The editor’s own words.' } });
    expect(res.status).toBe(200);
    const curated = (await res.json()) as Draft;
    expect(curated.entries.slice(0, 2).map((e) => e.storyId)).toEqual([third, second]);
    expect(curated.entries.find((e) => e.storyId === second)).toMatchObject({ summary: 'The editor’s own words.', summarySource: 'editor' });
    expect(curated.entries.find((e) => e.storyId === pinned)?.pinned).toBe(true);
    expect(curated.excluded.map((e) => e.storyId)).toEqual([first]);

    // Friday and Saturday arrive: the draft is regenerated with new stories, the changes hold.
    const sources = serveSnapshotFeeds(server);
    const { itemsNew, errors } = await ingestSnapshot(deps, sources.map((s) => s.slug));
    expect(errors).toEqual([]);
    expect(itemsNew).toBeGreaterThan(50);
    const regenerated = await get();
    expect(regenerated.entries.slice(0, 2).map((e) => e.storyId)).toEqual([third, second]);
    expect(regenerated.entries.map((e) => e.storyId)).toContain(pinned);
    expect(regenerated.entries.map((e) => e.storyId)).not.toContain(first);
    expect(regenerated.entries.find((e) => e.storyId === second)?.summary).toBe('The editor’s own words.');
    expect(regenerated.entries.some((e) => Date.parse(e.firstSeenAt) >= cutoff)).toBe(true);
  });

  it('freezes a final roundup: same draft whatever arrives, and no more changes', async () => {
    const final = (await (await patch({ status: 'final' })).json()) as Draft;
    expect(final.status).toBe('final');
    expect(await get()).toEqual(final);
    const again = await patch({ exclude: [final.entries[0]!.storyId] });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain('final');
    expect(await get()).toEqual(final);
  });
});
