import { digestMarker } from './digest.js';
import type { CandidateItem, StoryCandidate } from './types.js';

/**
 * How much each topic says "the editor will want this": launches, pricing, funding, policy and
 * chips move the industry; partnerships and user numbers less; papers and robot demos least.
 */
export const topicWeights: Record<string, number> = {
  'model-release': 1,
  pricing: 1,
  funding: 1,
  policy: 1,
  chips: 1,
  partnership: 0.6,
  'users-revenue': 0.6,
  research: 0.4,
  robotics: 0.4,
};

const dayMs = 86_400_000;
/** Enough to drop a digest below a single-outlet story about one company. */
const digestPenalty = 2;

export interface ScoredStory {
  story: StoryCandidate;
  score: number;
  /** Each signal's points; explainScore turns them into reasons, only for the stories shown. */
  points: { outlets: number; company: number; topics: number; recency: number; digest: number };
  latestAt: number;
  digest?: string;
  /** The most salient company: the one the per-company cap counts against. */
  primaryCompany: string | null;
  /** The representative item's outlet: the one the per-outlet cap counts against. */
  primaryOutlet: string;
  /** Companies by salience, with it. */
  companies: Array<[string, number]>;
  topics: string[];
  /** Outlets by weight, one per outlet name, with the item that represents each. */
  outlets: CandidateItem[];
}

/** Scores one story from its outlets, company salience, topics and recency within the week. */
export function scoreStory(story: StoryCandidate, week: { start: Date; end: Date }): ScoredStory {
  const lead = leadItem(story);
  const outlets = story.items.length === 1 ? [lead] : outletsOf(story.items, lead);
  const outletPoints = outlets.reduce((sum, item) => sum + item.sourceWeight, 0);

  const companies = companiesOf(story.items);
  const companyPoints = companies[0]?.[1] ?? 0;

  const topics = (story.items.length === 1 ? [...lead.topics] : [...new Set(story.items.flatMap((item) => item.topics))]).sort(
    (a, b) => (topicWeights[b] ?? 0.2) - (topicWeights[a] ?? 0.2),
  );
  // The strongest topic counts in full; more topics add a little, so a list of keywords cannot win alone.
  const topicPoints = topics.length ? (topicWeights[topics[0]!] ?? 0.2) + 0.1 * (topics.length - 1) : 0;

  let latestAt = story.firstSeenAt.getTime();
  for (const item of story.items) latestAt = Math.max(latestAt, item.seenAt.getTime());
  const span = Math.max(dayMs, week.end.getTime() - week.start.getTime());
  const recencyPoints = 0.5 * Math.min(1, Math.max(0, (latestAt - week.start.getTime()) / span));

  // A digest's many companies and topics would otherwise win; it is not one story, so it sinks.
  const digest = digestMarker(lead.title, lead.companies.length);
  const points = { outlets: outletPoints, company: companyPoints, topics: topicPoints, recency: recencyPoints, digest: digest ? -digestPenalty : 0 };
  const score = round(points.outlets + points.company + points.topics + points.recency + points.digest);
  return { story, score, points, latestAt, digest, primaryCompany: companies[0]?.[0] ?? null, primaryOutlet: lead.sourceName, companies, topics, outlets };
}

/** Companies by their highest salience in any item; a week has thousands of one-item stories, so they skip the Map. */
function companiesOf(items: CandidateItem[]): Array<[string, number]> {
  const byCompany = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
  if (items.length === 1) return items[0]!.companies.map((tag): [string, number] => [tag.company, tag.score]).sort(byCompany);
  const salience = new Map<string, number>();
  for (const item of items) for (const tag of item.companies) salience.set(tag.company, Math.max(salience.get(tag.company) ?? 0, tag.score));
  return [...salience.entries()].sort(byCompany);
}

/** The score's reasons, one line per signal, each starting with its points. */
export function explainScore(scored: ScoredStory): string[] {
  const { points, outlets, companies, topics, digest } = scored;
  return [
    `+${points.outlets.toFixed(2)} ${outlets.length} outlet${outlets.length === 1 ? '' : 's'}: ${outlets.map((o) => `${o.sourceName} (${o.sourceWeight})`).join(', ')}`,
    companies.length ? `+${points.company.toFixed(2)} company salience: ${companies.map(([c, s]) => `${c} ${s}`).join(', ')}` : '+0.00 no company tagged',
    topics.length ? `+${points.topics.toFixed(2)} topics: ${topics.join(', ')}` : '+0.00 no topic tagged',
    `+${points.recency.toFixed(2)} recency: latest item ${new Date(scored.latestAt).toISOString().slice(0, 16)}Z`,
    ...(digest ? [`-${digestPenalty.toFixed(2)} digest of several stories (${digest})`] : []),
  ];
}

/** The representative item when it is still in the story, else the item from the heaviest outlet. */
export function leadItem(story: StoryCandidate): CandidateItem {
  const representative = story.items.find((item) => item.id === story.representativeItemId);
  return representative ?? [...story.items].sort(byWeightThenTime)[0]!;
}

function outletsOf(items: CandidateItem[], lead: CandidateItem): CandidateItem[] {
  const byName = new Map<string, CandidateItem>([[lead.sourceName, lead]]);
  for (const item of [...items].sort(byWeightThenTime)) if (!byName.has(item.sourceName)) byName.set(item.sourceName, item);
  return [...byName.values()];
}

function byWeightThenTime(a: CandidateItem, b: CandidateItem): number {
  return b.sourceWeight - a.sourceWeight || a.seenAt.getTime() - b.seenAt.getTime() || a.id - b.id;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export interface RankOptions {
  limit: number;
  perCompany: number;
  perOutlet: number;
  /** Story ids the editor pinned: they are in the draft whatever the caps say. */
  pinned?: ReadonlySet<number>;
}

export interface Ranked {
  selected: ScoredStory[];
  /** Stories left out, best first, with the reason (below the cut, or a cap). */
  skipped: Array<{ scored: ScoredStory; why: string }>;
}

/** Picks the best stories up to the limit, at most `perCompany` per company and `perOutlet` per outlet. */
export function rankStories(scored: ScoredStory[], options: RankOptions): Ranked {
  const pinned = options.pinned ?? new Set<number>();
  const ordered = [...scored].sort((a, b) => b.score - a.score || a.story.storyId - b.story.storyId);
  const companyCount = new Map<string, number>();
  const outletCount = new Map<string, number>();
  const take = (s: ScoredStory) => {
    if (s.primaryCompany) companyCount.set(s.primaryCompany, (companyCount.get(s.primaryCompany) ?? 0) + 1);
    outletCount.set(s.primaryOutlet, (outletCount.get(s.primaryOutlet) ?? 0) + 1);
  };
  const selected = ordered.filter((s) => pinned.has(s.story.storyId));
  selected.forEach(take);
  const skipped: Ranked['skipped'] = [];
  for (const s of ordered) {
    if (pinned.has(s.story.storyId)) continue;
    const company = s.primaryCompany;
    let why: string | undefined;
    if (selected.length >= options.limit) why = `below the cut (draft holds ${options.limit})`;
    else if (company && (companyCount.get(company) ?? 0) >= options.perCompany) why = `cap: already ${options.perCompany} stories about ${company}`;
    else if ((outletCount.get(s.primaryOutlet) ?? 0) >= options.perOutlet) why = `cap: already ${options.perOutlet} stories led by ${s.primaryOutlet}`;
    if (why) {
      skipped.push({ scored: s, why });
      continue;
    }
    selected.push(s);
    take(s);
  }
  selected.sort((a, b) => b.score - a.score || a.story.storyId - b.story.storyId);
  return { selected, skipped };
}
