import { fullSimilarity as fullSimilarityOf, titleSimilarity as titleSimilarityOf, type Fingerprint } from './fingerprint.js';
import { figuresIn } from './signals.js';

const day = 86_400_000;
/** English headlines have few words: a shared company and a few words prove little below this size. */
const minTitleShingles = 6;
/** Of the figures both quote, at least this share of the smaller set must be the same. */
const agreeShare = 0.75;

export interface StoryRules {
  /** Items further apart than this never share a story (the default: 7 days). */
  windowDays: number;
  /** Cross-language reports must be this close: the same event is reported within days. */
  crossLanguageDays: number;
}

export const defaultStoryRules: StoryRules = { windowDays: 7, crossLanguageDays: 3 };

export interface StoryMatch {
  same: boolean;
  reason: string;
  titleSimilarity: number;
}

/**
 * Whether two items report the same event. Same language: similar titles, or a retitled copy of
 * the same lede, or somewhat similar titles plus a shared product, figure or company. The title
 * must always take part, because ledes carry boilerplate ("HN 热议 · 12 分", "欢迎关注…公众号").
 * Across languages the words cannot be compared, so the rule asks, within 3 days, for a signal in
 * both headlines and two shared signals of which one is a product or figure (or three names), and
 * no contradicting figures. Digests are never merged with their parts. A wrong merge costs the
 * editor more than a missed one, so every path errs towards "different".
 */
export function sameStory(a: Fingerprint, b: Fingerprint, rules: StoryRules = defaultStoryRules): StoryMatch {
  const titleSimilarity = titleSimilarityOf(a, b);
  const fullSimilarity = fullSimilarityOf(a, b);
  const apart = Math.abs(a.seenAt.getTime() - b.seenAt.getTime());
  if (apart > rules.windowDays * day) return { same: false, reason: 'outside window', titleSimilarity };
  const strong = intersect(a.signals.strong, b.signals.strong);
  const companies = intersect(companiesOf(a), companiesOf(b));
  // Headline figures must agree, a headline figure must appear in the other report if it quotes
  // figures at all, and ledes that quote three or more must mostly agree ("up 0.24%, 1.3%, 0.8%" is
  // another session; with two each, one differing side figure is common in two reports of one event).
  const ledeFigures = [figuresIn(a.signals.strong), figuresIn(b.signals.strong)] as const;
  const titleFigures = [figuresIn(a.signals.title), figuresIn(b.signals.title)] as const;
  const figuresClash =
    (titleFigures[0].length > 0 && titleFigures[1].length > 0 && intersect(...titleFigures) === 0) ||
    (titleFigures[0].length > 0 && ledeFigures[1].length > 0 && intersect(titleFigures[0], ledeFigures[1]) === 0) ||
    (titleFigures[1].length > 0 && ledeFigures[0].length > 0 && intersect(titleFigures[1], ledeFigures[0]) === 0) ||
    (Math.min(ledeFigures[0].length, ledeFigures[1].length) >= 3 && disagree(...ledeFigures));
  // A digest ("氪星晚报｜A；B；C") contains many headlines; it is its own story, not each of theirs.
  if ((a.digest || b.digest) && titleSimilarity < 0.9) return { same: false, reason: 'one is a digest of many', titleSimilarity };
  const shared = sharedOf(a.signals.strong, b.signals.strong);
  const specific = shared.filter((signal) => !signal.startsWith('w:')).length;
  if (a.language === b.language) {
    // Template headlines ("“X”完成数亿元B轮融资") look alike and differ only in the names they carry.
    const namesDiffer = shared.length === 0 && a.signals.strong.length > 0 && b.signals.strong.length > 0;
    if (titleSimilarity >= 0.5 && !figuresClash && (!namesDiffer || titleSimilarity >= 0.75)) return { same: true, reason: 'similar titles', titleSimilarity };
    if (titleSimilarity >= 0.2 && fullSimilarity >= 0.6) return { same: true, reason: 'same lede, retitled', titleSimilarity };
    if (figuresClash) return { same: false, reason: 'different figures', titleSimilarity };
    if (titleSimilarity >= 0.25 && (specific >= 1 || strong >= 2)) return { same: true, reason: 'similar titles and a shared product, figure or names', titleSimilarity };
    if (titleSimilarity >= 0.15 && strong >= 2 && specific >= 1 && apart <= rules.crossLanguageDays * day) return { same: true, reason: 'shared products or figures', titleSimilarity };
    // Chinese rewrites of one report (36Kr, Readhub) share a headline bigram in five and the same
    // player, or fewer headline bigrams and a fifth of title and lede (they retell the same facts);
    // two reports about one company share the player but less of both, and only on close days.
    // The second path also needs each headline's figures in the other report: two items on one
    // earnings call share the speaker and the lede, and one headline leads with a figure the other
    // item never mentions (another fact from the same call).
    const names = shared.length - specific;
    const nameInTitles = intersect(a.signals.title, b.signals.title) > 0;
    const figuresCarried = headlineFiguresIn(a, b) && headlineFiguresIn(b, a);
    const alike = (titleSimilarity >= 0.2 && (fullSimilarity >= 0.1 || nameInTitles)) || (titleSimilarity >= 0.14 && fullSimilarity >= 0.2 && figuresCarried);
    if (a.language === 'zh' && alike && companies + names >= 1 && apart <= 2 * day) {
      return { same: true, reason: 'similar Chinese headlines about the same player', titleSimilarity };
    }
    const longTitles = Math.min(a.titleLength, b.titleLength) >= minTitleShingles;
    if (titleSimilarity >= 0.2 && companies >= 1 && longTitles && apart <= rules.crossLanguageDays * day) return { same: true, reason: 'similar titles about the same company', titleSimilarity };
    return { same: false, reason: 'not similar enough', titleSimilarity };
  }
  if (apart > rules.crossLanguageDays * day) return { same: false, reason: 'cross-language, too far apart', titleSimilarity };
  if (figuresClash) return { same: false, reason: 'different figures', titleSimilarity };
  if (signalsAgree(a, b)) return { same: true, reason: 'cross-language: a product or figure in both headlines, and another signal', titleSimilarity };
  return { same: false, reason: 'cross-language: too few shared signals', titleSimilarity };
}

/**
 * The signal test that needs no shared words (so it works across languages): a signal in both
 * headlines, and two shared signals of which one is a product or figure in both headlines, or three.
 * Names match whether English wrote them as weak or Chinese as strong signals; company tags are
 * written the same way in both (c:anthropic for "Anthropic" and for its Chinese name).
 */
function signalsAgree(a: Fingerprint, b: Fingerprint): boolean {
  const shared = sharedOf(playersAndStrong(a), playersAndStrong(b));
  // Ledes of unrelated stories share side names, and a commentary quotes the figures of the deal
  // it comments on in its lede, not its headline.
  const inTitles = sharedOf(a.signals.title, b.signals.title);
  const specificInTitles = inTitles.filter((signal) => !signal.startsWith('w:')).length;
  return inTitles.length >= 1 && ((shared.length >= 2 && specificInTitles >= 1) || shared.length >= 3);
}

/** Every figure in `a`'s headline is among `b`'s title-and-lede signals. */
const headlineFiguresIn = (a: Fingerprint, b: Fingerprint) => figuresIn(a.signals.title).every((figure) => b.signals.strong.includes(figure));

/** Both give figures and too few match: "up 0.5%" is not "down 1.3%". */
function disagree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return intersect(a, b) < agreeShare * Math.min(a.length, b.length);
}

const companiesOf = (f: Fingerprint) => f.signals.weak.filter((signal) => signal.startsWith('c:'));
const playersAndStrong = (f: Fingerprint) => [...f.signals.strong, ...f.signals.weak];

function sharedOf(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(a);
  return b.filter((value) => set.has(value));
}

function intersect(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let count = 0;
  for (const value of b) if (set.has(value)) count++;
  return count;
}
