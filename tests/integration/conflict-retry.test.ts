import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/store/db.js';
import { sqlStateOf, withConflictRetry } from '../../src/store/conflict-retry.js';
import { rowsOf } from '../../src/store/rows.js';
import { openTestDb, serverUrl } from '../helpers/test-db.js';

// PGlite has one connection, so two of its transactions can never deadlock: PostgreSQL only.
describe.skipIf(!serverUrl)('two transactions deadlocking on PostgreSQL', () => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await openTestDb();
    await handle.db.execute(sql`create table deadlock_probe (id int primary key, v int not null)`);
  });
  afterAll(async () => handle?.close());

  /** Two transactions updating rows 1 and 2 in opposite orders, each waiting for the other's first update. */
  const crossUpdates = (run: (transaction: () => Promise<void>) => Promise<void>) => {
    let arrived = 0;
    let bothArrived = () => {};
    const barrier = new Promise<void>((resolve) => (bothArrived = resolve));
    const attempts = { count: 0 };
    const side = (first: number, second: number) =>
      run(() =>
        handle.db.transaction(async (tx) => {
          attempts.count++;
          await tx.execute(sql`update deadlock_probe set v = v + 1 where id = ${first}`);
          if (++arrived === 2) bothArrived();
          await barrier;
          await tx.execute(sql`update deadlock_probe set v = v + 1 where id = ${second}`);
        }),
      );
    return { attempts, both: Promise.allSettled([side(1, 2), side(2, 1)]) };
  };

  const values = async () => rowsOf<{ v: number }>(await handle.db.execute(sql`select v from deadlock_probe order by id`)).map((row) => Number(row.v));

  it('without a retry, PostgreSQL aborts one of them as a deadlock (40P01)', async () => {
    await handle.db.execute(sql`delete from deadlock_probe; insert into deadlock_probe values (1, 0), (2, 0)`);
    const { both } = crossUpdates((transaction) => transaction());
    const outcomes = await both;
    const failed = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(sqlStateOf(failed[0]!.reason)).toBe('40P01');
    expect(await values()).toEqual([1, 1]);
  });

  it('with withConflictRetry, the aborted one runs again and both commit', async () => {
    await handle.db.execute(sql`delete from deadlock_probe; insert into deadlock_probe values (1, 0), (2, 0)`);
    const { attempts, both } = crossUpdates((transaction) => withConflictRetry(transaction, { pauseMs: 10 }));
    expect((await both).map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(attempts.count).toBe(3);
    expect(await values()).toEqual([2, 2]);
  });
});
