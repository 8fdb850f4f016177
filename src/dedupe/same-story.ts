import { splitSignature, type Fingerprint } from './fingerprint.js';
import { estimateJaccard } from './minhash.js';

const day = 86_400_000;

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
 * the same lede, or somewhat similar titles plus a shared product or figure. The title must always
 * take part, because ledes carry boilerplate ("HN 热议 · 12 分", "欢迎关注…公众号"). Across
 * languages the words cannot be compared, so the rule asks for two shared strong signals (product,
 * figure, rare name), or one and a shared company, within a few days, and no contradicting figures.
 * A wrong merge costs the editor more than a missed one, so every path errs towards "different".
 */
export function sameStory(a: Fingerprint, b: Fingerprint, rules: StoryRules = defaultStoryRules): StoryMatch {
  const sa = splitSignature(a);
  const sb = splitSignature(b);
  const titleSimilarity = estimateJaccard(sa.title, sb.title);
  const no = (reason: string): StoryMatch => ({ same: false, reason, titleSimilarity });
  const yes = (reason: string): StoryMatch => ({ same: true, reason, titleSimilarity });
  const apart = Math.abs(a.seenAt.getTime() - b.seenAt.getTime());
  if (apart > rules.windowDays * day) return no('outside window');
  const strong = intersect(a.signals.strong, b.signals.strong);
  const weak = intersect(a.signals.weak, b.signals.weak);
  const figuresClash = disagree(a.signals.figures, b.signals.figures);
  // A digest ("氪星晚报｜A；B；C") contains many headlines; it is its own story, not each of theirs.
  if (Math.max(a.titleLength, b.titleLength) > 3 * Math.max(1, Math.min(a.titleLength, b.titleLength))) return no('one is a digest of many');
  if (a.language === b.language) {
    if (titleSimilarity >= 0.5 && !figuresClash) return yes('similar titles');
    if (titleSimilarity >= 0.2 && estimateJaccard(sa.full, sb.full) >= 0.6) return yes('same lede, retitled');
    if (figuresClash) return no('different figures');
    if (titleSimilarity >= 0.25 && strong >= 1) return yes('similar titles and a shared product or figure');
    if (titleSimilarity >= 0.15 && strong >= 2 && apart <= rules.crossLanguageDays * day) return yes('shared products or figures');
    return no('not similar enough');
  }
  if (apart > rules.crossLanguageDays * day) return no('cross-language, too far apart');
  if (figuresClash) return no('different figures');
  const specific = sharedOf(a.signals.strong, b.signals.strong).filter((signal) => !signal.startsWith('w:')).length;
  if ((strong >= 2 && specific >= 1) || strong >= 3 || (specific >= 1 && weak >= 1 && strong >= 2)) {
    return yes('cross-language: shared product or figure, and another signal');
  }
  return no('cross-language: too few shared signals');
}

/** Both give figures and fewer than half of the smaller set match: "up 0.5%" is not "down 1.3%". */
function disagree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return intersect(a, b) * 2 < Math.min(a.length, b.length);
}

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
