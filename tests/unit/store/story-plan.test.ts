import { describe, expect, it } from 'vitest';
import { fingerprintOf, indexKeysOf } from '../../../src/dedupe/fingerprint.js';
import { dayOf, type StoredCandidate } from '../../../src/store/story-keys-store.js';
import { planStories, type PlannedItem } from '../../../src/store/story-plan.js';

const seenAt = new Date('2026-08-20T08:00:00Z');
const title = 'Alibaba Cloud cuts Qwen-VL prices by up to 85% to win enterprise users';

function planned(id: number, storyId: number, text = title): PlannedItem {
  const fingerprint = fingerprintOf({ title: text, seenAt, companies: ['alibaba'] });
  return { id, storyId, fingerprint, keys: indexKeysOf(fingerprint) };
}

function storedCandidate(itemId: number, storyId: number, text = title): StoredCandidate {
  const { fingerprint, keys } = planned(itemId, storyId, text);
  return { itemId, storyId, fingerprint, matched: keys.map((key) => ({ day: dayOf(seenAt), key })) };
}

describe('planStories (pure: what story assignment will write)', () => {
  it('files a batch\'s second report of an event into the first one\'s story, whose opened story goes', () => {
    const plan = planStories([planned(101, 11), planned(102, 12), planned(103, 13, 'Baidu reports second-quarter revenue of 31.3 billion yuan')], new Map());
    expect(plan.assignments).toEqual([
      { itemId: 101, storyId: 11, kind: 'new' },
      { itemId: 102, storyId: 11, kind: 'join' },
      { itemId: 103, storyId: 13, kind: 'new' },
    ]);
    expect(plan.moves).toEqual([{ itemId: 102, storyId: 11, openedStory: 12 }]);
    expect(plan.representatives).toEqual([{ storyId: 11, itemId: 101 }, { storyId: 13, itemId: 103 }]);
    expect(plan.touched).toEqual([11]);
    expect(plan.merges).toEqual([]);
  });

  it('joins a stored story, and merges two stored stories an item proves one into the oldest', () => {
    expect(planStories([planned(201, 21)], new Map([[1, storedCandidate(1, 5)]])).assignments).toEqual([{ itemId: 201, storyId: 5, kind: 'join' }]);
    const plan = planStories([planned(202, 22)], new Map([[2, storedCandidate(2, 7)], [3, storedCandidate(3, 6)]]));
    expect(plan.merges).toEqual([{ survivor: 6, merged: [7] }]);
    expect(plan.assignments).toEqual([{ itemId: 202, storyId: 6, kind: 'merge' }]);
    expect(plan.moves).toEqual([{ itemId: 202, storyId: 6, openedStory: 22 }]);
    expect(plan.representatives).toEqual([]);
  });
});
