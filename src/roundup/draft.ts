import type { IsoWeek } from './iso-week.js';
import { summarize } from './summarize.js';

/** What the roundup needs of a stored item. */
export interface DraftInputItem {
  id: number;
  storyId: number | null;
  source: string;
  sourceName: string;
  sourceWeight: number;
  url: string;
  title: string;
  summary: string;
  seenAt: Date;
  language: string;
  companies: string[];
  topics: string[];
  companyEvidence: Array<{ company: string; score: number }>;
}

export interface DraftOutlet {
  name: string;
  url: string;
}

export interface DraftEntry {
  storyId: number;
  title: string;
  summary: string;
  outlets: DraftOutlet[];
  companies: string[];
  topics: string[];
  itemIds: number[];
  score: number;
  reasons: string[];
  needsTranslation: boolean;
}

export interface Draft {
  week: string;
  zone: string;
  from: string;
  to: string;
  generatedAt: string;
  entries: DraftEntry[];
}

/** Builds a draft: one entry per story, ranked by outlets, outlet weight and company salience. */
export function buildDraft(week: IsoWeek, items: DraftInputItem[], options: { now: Date; limit: number }): Draft {
  const byStory = new Map<number, DraftInputItem[]>();
  for (const item of items) {
    const key = item.storyId ?? -item.id;
    byStory.set(key, [...(byStory.get(key) ?? []), item]);
  }
  const entries = [...byStory.entries()].map(([storyId, storyItems]) => toEntry(storyId, storyItems));
  entries.sort((a, b) => b.score - a.score || a.storyId - b.storyId);
  return {
    week: week.week,
    zone: week.zone,
    from: week.start.toISOString(),
    to: week.end.toISOString(),
    generatedAt: options.now.toISOString(),
    entries: entries.slice(0, options.limit),
  };
}

function toEntry(storyId: number, storyItems: DraftInputItem[]): DraftEntry {
  const sorted = [...storyItems].sort((a, b) => b.sourceWeight - a.sourceWeight || b.summary.length - a.summary.length);
  const lead = sorted[0]!;
  const outlets: DraftOutlet[] = [];
  for (const item of sorted) if (!outlets.some((o) => o.name === item.sourceName)) outlets.push({ name: item.sourceName, url: item.url });
  const companies = [...new Set(sorted.flatMap((item) => item.companies))];
  const topics = [...new Set(sorted.flatMap((item) => item.topics))];
  const salience = Math.max(0, ...sorted.flatMap((item) => item.companyEvidence.map((e) => e.score)));
  const outletWeight = outlets.length > 0 ? sorted.reduce((sum, item) => sum + item.sourceWeight, 0) : 0;
  const score = Number((outletWeight + salience + 0.2 * topics.length).toFixed(3));
  const reasons = [
    `${outlets.length} outlet${outlets.length === 1 ? '' : 's'} (weight ${outletWeight.toFixed(1)})`,
    `company salience ${salience.toFixed(2)}`,
    ...(topics.length ? [`topics: ${topics.join(', ')}`] : []),
  ];
  return {
    storyId: storyId > 0 ? storyId : lead.id,
    title: lead.title,
    summary: summarize(lead.summary, lead.title),
    outlets,
    companies,
    topics,
    itemIds: sorted.map((item) => item.id),
    score,
    reasons,
    needsTranslation: sorted.every((item) => item.language === 'zh'),
  };
}
