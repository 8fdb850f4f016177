import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../src/store/sources-store.js';

const hour = 3_600_000;

describe('backoffMs', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 4],
    [4, 8],
    [5, 16],
    [6, 24],
    [50, 24],
    [10_000, 24],
  ])('after %i consecutive errors waits %i h: doubling, capped at 24 h, never giving up', (errors, hours) => {
    expect(backoffMs(errors)).toBe(hours * hour);
  });
});
