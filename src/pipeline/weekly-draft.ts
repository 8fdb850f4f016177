import { AppError } from '../errors.js';
import { applyCurationPatch, type CurationPatch } from '../roundup/curation.js';
import { composeDraft, defaultDraftOptions, planDraft, storiesToDescribe, type DraftOptions } from '../roundup/draft.js';
import { parseIsoWeek, type IsoWeek } from '../roundup/iso-week.js';
import { renderHtml } from '../roundup/render-html.js';
import { renderMarkdown } from '../roundup/render-markdown.js';
import { emptyCuration, type Curation, type Draft } from '../roundup/types.js';
import type { Db } from '../store/db.js';
import { existingStoryIds, itemTextsForStories, storyCandidatesByIds, weekStoryCandidates } from '../store/roundup-query.js';
import { finalizeRoundup, getRoundup, storiesUsedBefore, updateRoundupChanges } from '../store/roundups-store.js';

export type DraftFormat = 'md' | 'html' | 'json';

export interface DraftRequest {
  week: string;
  zone: string;
  now: Date;
  /** Overrides the editor's stored length for this one rendering. */
  limit?: number;
}

/** The week's roundup: the frozen one when final, else a fresh draft under the editor's changes. */
export async function weeklyDraft(db: Db, request: DraftRequest): Promise<Draft> {
  const week = parseIsoWeek(request.week, request.zone);
  const row = await getRoundup(db, week.week, week.zone);
  if (row?.status === 'final' && row.finalDraft) return row.finalDraft;
  return draftWeek(db, week, row?.changes ?? emptyCuration(), { now: request.now, limit: request.limit });
}

/** Applies the editor's patch (and freezes the week when asked), then returns the resulting draft. */
export async function curateRoundup(db: Db, request: DraftRequest & { patch: CurationPatch; status?: 'final' }): Promise<Draft> {
  const week = parseIsoWeek(request.week, request.zone);
  const key = { week: week.week, zone: week.zone, now: request.now };
  for (const field of ['add', 'pin'] as const) {
    const missing = await missingStories(db, request.patch[field] ?? []);
    if (missing.length) throw new AppError('not_found', `${field}: no story with id ${missing.join(', ')}`);
  }
  const row = await updateRoundupChanges(db, key, (current) => {
    if (current.status === 'final') throw new AppError('conflict', `roundup ${week.week} (${week.zone}) is final and frozen; it cannot change`);
    return applyCurationPatch(current.changes, request.patch);
  });
  const draft = await draftWeek(db, week, row.changes, { now: request.now, limit: request.limit });
  if (request.status !== 'final') return draft;
  const final: Draft = { ...draft, status: 'final' };
  if (!(await finalizeRoundup(db, key, final))) throw new AppError('conflict', `roundup ${week.week} (${week.zone}) was made final by another request`);
  return final;
}

async function missingStories(db: Db, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await existingStoryIds(db, ids);
  return ids.filter((id) => !found.has(id));
}

/** Select (week, relevant, unused) → rank under curation → load texts for the winners → compose. */
async function draftWeek(db: Db, week: IsoWeek, curation: Curation, options: { now: Date; limit?: number }): Promise<Draft> {
  const draftOptions: DraftOptions = { ...defaultDraftOptions, limit: options.limit ?? curation.limit ?? defaultDraftOptions.limit };
  const leaveOut = await storiesUsedBefore(db, week.week);
  const candidates = await weekStoryCandidates(db, { from: week.start, to: week.end, leaveOut });
  const present = new Set(candidates.map((story) => story.storyId));
  const extra = [...curation.added, ...curation.pinned].filter((id) => !present.has(id));
  candidates.push(...(await storyCandidatesByIds(db, [...new Set(extra)])));
  const plan = planDraft(candidates, curation, week, draftOptions);
  const texts = await itemTextsForStories(db, storiesToDescribe(plan));
  return composeDraft(plan, texts, curation, { week, now: options.now, limit: draftOptions.limit });
}

/** Renders a draft in one of the three formats, with its content type. */
export function renderDraft(draft: Draft, format: DraftFormat): { body: string; contentType: string } {
  if (format === 'md') return { body: renderMarkdown(draft), contentType: 'text/markdown; charset=utf-8' };
  if (format === 'html') return { body: renderHtml(draft), contentType: 'text/html; charset=utf-8' };
  return { body: `${JSON.stringify(draft, null, 2)}\n`, contentType: 'application/json; charset=utf-8' };
}
