import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/roundup/types.js';
import type { DbHandle } from '../../src/store/db.js';
import { finalizeRoundup, storiesUsedBefore, updateRoundupChanges } from '../../src/store/roundups-store.js';
import { ensureStories } from '../helpers/item-factory.js';
import { dbKind, openTestDb } from '../helpers/test-db.js';

describe(`stories used by earlier final roundups on ${dbKind}`, () => {
  let handle: DbHandle;
  const now = new Date('2026-08-30T00:00:00Z');

  const finalize = async (week: string, storyIds: number[]) => {
    await updateRoundupChanges(handle.db, { week, zone: 'UTC', now }, (current) => current.changes);
    const draft = { entries: storyIds.map((storyId) => ({ storyId })) } as unknown as Draft;
    expect(await finalizeRoundup(handle.db, { week, zone: 'UTC', now }, draft)).toBe(true);
  };

  beforeAll(async () => {
    handle = await openTestDb();
    await ensureStories(handle.db, [9101, 9102, 9103, 9104], now);
    await finalize('2026-W33', [9101, 9102]);
    await finalize('2026-W36', [9104]);
    // After W33 went out, a later item proved 9102 and 9103 tell one event; 9103 survived.
    await handle.db.execute(sql`update stories set merged_into = 9103 where id = 9102`);
  });
  afterAll(async () => handle?.close());

  it('lists the stories of earlier final weeks and the survivors they merged into', async () => {
    expect((await storiesUsedBefore(handle.db, '2026-W35')).sort((a, b) => a - b)).toEqual([9101, 9102, 9103]);
  });

  it('ignores final weeks that are not earlier', async () => {
    expect(await storiesUsedBefore(handle.db, '2026-W33')).toEqual([]);
  });
});
