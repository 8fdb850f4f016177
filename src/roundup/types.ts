/** Plain data the roundup stages take and return. */

/** What ranking needs of one stored item: no text, so a busy week stays cheap to rank. */
export interface CandidateItem {
  id: number;
  source: string;
  sourceName: string;
  sourceWeight: number;
  title: string;
  seenAt: Date;
  language: string;
  relevant: boolean;
  topics: string[];
  companies: Array<{ company: string; score: number }>;
}

/** A story first seen in the week (or added by the editor), with its items. */
export interface StoryCandidate {
  storyId: number;
  firstSeenAt: Date;
  representativeItemId: number | null;
  items: CandidateItem[];
}

/** The words of one item, loaded only for the stories that make the draft. */
export interface ItemText {
  id: number;
  storyId: number;
  source: string;
  sourceName: string;
  sourceWeight: number;
  url: string;
  title: string;
  summary: string;
  bodyText: string | null;
  language: string;
  seenAt: Date;
}

/** The editor's changes to one week, as stored in roundups.changes. */
export interface Curation {
  pinned: number[];
  excluded: number[];
  added: number[];
  order: number[];
  summaries: Record<string, string>;
  /** The draft's length the editor chose; absent means the default. */
  limit?: number;
}

export const emptyCuration = (): Curation => ({ pinned: [], excluded: [], added: [], order: [], summaries: {} });

export interface DraftOutlet {
  name: string;
  source: string;
  url: string;
  weight: number;
}

export interface DraftItem {
  id: number;
  source: string;
  title: string;
  url: string;
  seenAt: string;
  language: string;
}

/** One bullet of the roundup, with everything the editor needs to judge it. */
export interface DraftEntry {
  storyId: number;
  title: string;
  summary: string;
  /** "lede" when extracted from the representative item, "editor" when rewritten. */
  summarySource: 'lede' | 'editor';
  needsTranslation: boolean;
  outlets: DraftOutlet[];
  companies: string[];
  topics: string[];
  items: DraftItem[];
  firstSeenAt: string;
  score: number;
  reasons: string[];
  pinned: boolean;
  added: boolean;
}

/** A story that did not make the draft, and why: the editor can pin or restore it. */
export interface DraftAlternate {
  storyId: number;
  title: string;
  outlets: string[];
  companies: string[];
  score: number;
  why: string;
}

export interface Draft {
  week: string;
  zone: string;
  from: string;
  to: string;
  status: 'draft' | 'final';
  generatedAt: string;
  limit: number;
  entries: DraftEntry[];
  alternates: DraftAlternate[];
  excluded: DraftAlternate[];
}
