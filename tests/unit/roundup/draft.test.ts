import { describe, expect, it } from 'vitest';
import { composeDraft, defaultDraftOptions, planDraft } from '../../../src/roundup/draft.js';
import { parseIsoWeek } from '../../../src/roundup/iso-week.js';
import { emptyCuration, type CandidateItem, type ItemText, type StoryCandidate } from '../../../src/roundup/types.js';

const week = parseIsoWeek('2026-W34', 'UTC');
const seenAt = new Date(week.start.getTime() + 86_400_000);

interface Told {
  id: number;
  source: string;
  language: 'en' | 'zh';
  title: string;
  summary: string;
  weight?: number;
}

/** A one-story week told by the given items, the first being the story's representative. */
function draftOf(told: Told[]) {
  const items: CandidateItem[] = told.map((t) => ({
    id: t.id,
    source: t.source,
    sourceName: t.source,
    sourceWeight: t.weight ?? 1,
    title: t.title,
    seenAt,
    language: t.language,
    relevant: true,
    topics: ['model-release'],
    companies: [{ company: 'deepseek', score: 1 }],
  }));
  const story: StoryCandidate = { storyId: 7, firstSeenAt: seenAt, representativeItemId: told[0]!.id, items };
  const texts: ItemText[] = told.map((t) => ({ ...t, storyId: 7, sourceName: t.source, sourceWeight: t.weight ?? 1, url: `https://example.test/${t.id}`, bodyText: null, seenAt }));
  const plan = planDraft([story], emptyCuration(), week, defaultDraftOptions);
  return composeDraft(plan, texts, emptyCuration(), { week, now: seenAt, limit: 8 }).entries[0]!;
}

const flash: Told = {
  id: 1,
  source: '36Kr',
  language: 'zh',
  weight: 1.2,
  title: 'DeepSeek-V4-Flash-Vision-Exp上线，开启多模态API服务',
  summary: 'DeepSeek-V4-Flash-Vision-Exp在DeepSeek API平台上正式上线，纯文本能力与V4-Flash正式版持平。',
};

describe('the lede of a story told in Chinese and English', () => {
  it('comes from the English item when it has a real lede', () => {
    const entry = draftOf([flash, { id: 2, source: 'CNBC', language: 'en', title: 'DeepSeek opens a vision model', summary: 'DeepSeek released an experimental vision model on its API platform on Friday, matching its text model.' }]);
    expect(entry.summary).toBe('DeepSeek released an experimental vision model on its API platform on Friday, matching its text model.');
    expect(entry.needsTranslation).toBe(false);
  });

  it('comes from the Chinese lead item when the English one has only its headline', () => {
    const entry = draftOf([flash, { id: 2, source: 'Hacker News', language: 'en', title: 'DeepSeek-v4-flash-vision-exp', summary: 'HN 热议 · 5 分 / 0 条评论' }]);
    expect(entry.summary).toBe(flash.summary);
    expect(entry.title).toBe(flash.title);
    expect(entry.needsTranslation).toBe(true);
  });

  it('falls back to the English headline when no item has a real lede', () => {
    const entry = draftOf([{ ...flash, summary: '' }, { id: 2, source: 'Hacker News', language: 'en', title: 'DeepSeek-v4-flash-vision-exp', summary: 'HN 热议 · 5 分 / 0 条评论' }]);
    expect(entry.summary).toBe('DeepSeek-v4-flash-vision-exp.');
    expect(entry.needsTranslation).toBe(false);
  });
});
