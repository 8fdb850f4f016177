import { describe, expect, it } from 'vitest';
import { applyCurationPatch } from '../../../src/roundup/curation.js';
import { planDraft } from '../../../src/roundup/draft.js';
import { parseIsoWeek } from '../../../src/roundup/iso-week.js';
import { explainScore, rankStories, scoreStory } from '../../../src/roundup/rank.js';
import { emptyCuration, type CandidateItem, type StoryCandidate } from '../../../src/roundup/types.js';

const week = parseIsoWeek('2025-W02', 'UTC');
let nextId = 1;

function story(options: { outlets?: Array<[string, number]>; company?: string; salience?: number; topics?: string[]; day?: number; relevant?: boolean; title?: string }): StoryCandidate {
  const storyId = nextId++;
  const seenAt = new Date(week.start.getTime() + (options.day ?? 1) * 86_400_000);
  const items: CandidateItem[] = (options.outlets ?? [['CNBC', 1.5]]).map(([name, weight]) => ({
    id: nextId++,
    source: name.toLowerCase(),
    sourceName: name,
    sourceWeight: weight,
    title: options.title ?? 'Alibaba cuts Qwen prices',
    seenAt,
    language: 'en',
    relevant: options.relevant ?? true,
    topics: options.topics ?? [],
    companies: options.company ? [{ company: options.company, score: options.salience ?? 1 }] : [],
  }));
  return { storyId, firstSeenAt: seenAt, representativeItemId: items[0]!.id, items };
}

const score = (s: StoryCandidate) => {
  const scored = scoreStory(s, week);
  return Object.assign(scored, { reasons: explainScore(scored) });
};

describe('scoring', () => {
  it('ranks more and heavier outlets, salient companies, launches over routine and later news higher', () => {
    const many = score(story({ outlets: [['CNBC', 1.5], ['SCMP', 1.5]], company: 'alibaba' }));
    const one = score(story({ outlets: [['CNBC', 1.5]], company: 'alibaba' }));
    const light = score(story({ outlets: [['Blog', 0.8]], company: 'alibaba' }));
    expect(many.score).toBeGreaterThan(one.score);
    expect(one.score).toBeGreaterThan(light.score);

    const inTitle = score(story({ company: 'baidu', salience: 1 }));
    const inBody = score(story({ company: 'baidu', salience: 0.3 }));
    expect(inTitle.score).toBeGreaterThan(inBody.score);

    const pricing = score(story({ company: 'baidu', topics: ['pricing'] }));
    const research = score(story({ company: 'baidu', topics: ['research'] }));
    expect(pricing.score).toBeGreaterThan(research.score);

    expect(score(story({ company: 'baidu', day: 6 })).score).toBeGreaterThan(score(story({ company: 'baidu', day: 0 })).score);
  });

  it('explains the score: one reason per signal, and the points add up', () => {
    const scored = score(story({ outlets: [['CNBC', 1.5], ['SCMP', 1.5], ['CNBC', 1.5]], company: 'alibaba', topics: ['pricing', 'research'] }));
    expect(scored.reasons[0]).toBe('+3.00 2 outlets: CNBC (1.5), SCMP (1.5)');
    expect(scored.reasons[1]).toBe('+1.00 company salience: alibaba 1');
    expect(scored.reasons[2]).toBe('+1.10 topics: pricing, research');
    const points = scored.reasons.map((r) => Number(/^\+([\d.]+)/.exec(r)![1]));
    expect(points.reduce((a, b) => a + b, 0)).toBeCloseTo(scored.score, 2);
  });
});

describe('digests', () => {
  it.each(['【钛晨报】宇树科技上市首日收涨460%', '8点1氪丨许家印被判处无期徒刑', '早报｜豆包进了特斯拉车机', 'China AI Morning Brief: Qwen 3.5'])(
    'sinks "%s" below a plain story from the same outlet',
    (title) => {
      const digest = score(story({ outlets: [['36Kr', 1.2]], company: 'alibaba', topics: ['pricing', 'funding', 'chips', 'policy'], title }));
      const plain = score(story({ outlets: [['36Kr', 1.2]], company: 'alibaba', topics: ['research'] }));
      expect(digest.score).toBeLessThan(plain.score);
      expect(digest.reasons.at(-1)).toMatch(/^-2\.00 digest of several stories \(title says/);
    },
  );

  it('treats an item naming four companies as a digest, three as a story', () => {
    const companies = (n: number): StoryCandidate => {
      const s = story({ company: 'alibaba' });
      s.items[0]!.companies = ['alibaba', 'baidu', 'tencent', 'zhipu'].slice(0, n).map((company) => ({ company, score: 1 }));
      return s;
    };
    expect(score(companies(4)).reasons.at(-1)).toBe('-2.00 digest of several stories (4 companies in one item)');
    expect(score(companies(3)).reasons.some((r) => r.includes('digest'))).toBe(false);
  });
});

describe('caps', () => {
  it('lets no company take more than perCompany slots, and says so', () => {
    const alibaba = [1, 2, 3, 4].map(() => score(story({ outlets: [['CNBC', 1.5], ['SCMP', 1.5]], company: 'alibaba' })));
    const others = ['baidu', 'tencent', 'zhipu'].map((company) => score(story({ outlets: [['Blog', 1]], company })));
    const ranked = rankStories([...alibaba, ...others], { limit: 5, perCompany: 2, perOutlet: 10 });
    expect(ranked.selected.map((s) => s.primaryCompany)).toEqual(['alibaba', 'alibaba', 'baidu', 'tencent', 'zhipu']);
    expect(ranked.skipped.map((s) => s.why)).toEqual(['cap: already 2 stories about alibaba', 'cap: already 2 stories about alibaba']);
  });

  it('lets no outlet lead more than perOutlet stories', () => {
    const cnbc = ['a', 'b', 'c', 'd'].map((c) => score(story({ outlets: [['CNBC', 1.5]], company: c })));
    const blog = score(story({ outlets: [['Blog', 0.5]], company: 'e' }));
    const ranked = rankStories([...cnbc, blog], { limit: 8, perCompany: 2, perOutlet: 3 });
    expect(ranked.selected.filter((s) => s.primaryOutlet === 'CNBC')).toHaveLength(3);
    expect(ranked.selected).toContain(blog);
    expect(ranked.skipped[0]!.why).toBe('cap: already 3 stories led by CNBC');
  });

  it('keeps pinned stories whatever the caps and the limit say', () => {
    const alibaba = [1, 2, 3].map(() => score(story({ company: 'alibaba' })));
    const weakest = score(story({ outlets: [['Blog', 0.1]], company: 'alibaba', day: 0 }));
    const ranked = rankStories([...alibaba, weakest], { limit: 2, perCompany: 2, perOutlet: 10, pinned: new Set([weakest.story.storyId]) });
    expect(ranked.selected).toContain(weakest);
    expect(ranked.selected).toHaveLength(2);
  });
});

describe('planning under the editor’s changes', () => {
  const stories = [
    story({ outlets: [['CNBC', 1.5], ['SCMP', 1.5]], company: 'alibaba', topics: ['pricing'] }),
    story({ outlets: [['SCMP', 1.5]], company: 'baidu' }),
    story({ outlets: [['36Kr', 1.2]], company: 'zhipu' }),
    story({ outlets: [['Blog', 1]], company: 'tencent', relevant: false }),
  ];
  const ids = stories.map((s) => s.storyId);
  const options = { limit: 8, perCompany: 2, perOutlet: 3 };

  it('leaves out irrelevant stories unless the editor added them', () => {
    expect(planDraft(stories, emptyCuration(), week, options).entries.map((s) => s.story.storyId)).toEqual(ids.slice(0, 3));
    const added = applyCurationPatch(emptyCuration(), { add: [ids[3]!] });
    expect(planDraft(stories, added, week, options).entries.map((s) => s.story.storyId)).toContain(ids[3]);
  });

  it('excludes, reorders and restores', () => {
    let curation = applyCurationPatch(emptyCuration(), { exclude: [ids[0]!], order: [ids[2]!, ids[1]!] });
    let plan = planDraft(stories, curation, week, options);
    expect(plan.entries.map((s) => s.story.storyId)).toEqual([ids[2], ids[1]]);
    expect(plan.excluded.map((s) => s.story.storyId)).toEqual([ids[0]]);
    curation = applyCurationPatch(curation, { include: [ids[0]!] });
    plan = planDraft(stories, curation, week, options);
    expect(plan.entries.map((s) => s.story.storyId)).toEqual([ids[2], ids[1], ids[0]]);
  });

  it('applies a patch idempotently and keeps pin and exclude exclusive', () => {
    const once = applyCurationPatch(emptyCuration(), { pin: [5, 5], summaries: { '5': ' New words. ' } });
    expect(applyCurationPatch(once, { pin: [5] })).toEqual(once);
    expect(once).toMatchObject({ pinned: [5], summaries: { '5': 'New words.' } });
    const excluded = applyCurationPatch(once, { exclude: [5], summaries: { '5': null } });
    expect(excluded).toMatchObject({ pinned: [], excluded: [5], summaries: {} });
  });
});
