import { describe, expect, it } from 'vitest';
import { ByteBudget } from '../../../src/jobs/byte-budget.js';

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('ByteBudget', () => {
  it('lets a fetch start at once while the held bytes are under the cap', async () => {
    const budget = new ByteBudget(100);
    budget.hold(99);
    expect(await settled(budget.whenBelow())).toBe(true);
  });

  it('holds fetches back once the cap is reached and lets them go, in order, as bytes are released', async () => {
    const budget = new ByteBudget(100);
    budget.hold(60);
    budget.hold(60);
    const order: number[] = [];
    const first = budget.whenBelow().then(() => order.push(1));
    const second = budget.whenBelow().then(() => order.push(2));
    expect(await settled(first.then(() => undefined))).toBe(false);
    budget.release(10);
    expect(await settled(first.then(() => undefined))).toBe(false);
    budget.release(60);
    await Promise.all([first, second]);
    expect(order).toEqual([1, 2]);
    expect(budget.heldBytes).toBe(50);
  });
});
