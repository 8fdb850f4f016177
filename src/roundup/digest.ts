/**
 * Digests ("【钛晨报】…", "8点1氪丨…", "早报｜…", "Morning Brief") bundle a dozen unrelated
 * stories under one link. They are useful reading but not one bullet: the roundup ranks them low.
 */
const digestTitle =
  /(?:晨报|早报|晚报|日报|周报|午报|简报|速递|速览|汇总|点1氪|氪星晚报|热点导览|\b(?:morning|evening|daily|weekly) (?:brief|briefing|digest|roundup|round-up|wrap)\b|\bweek in review\b|\bthis week in\b|\bnews ?roundup\b)/i;

/** How many companies in one item make it a list of news rather than one story. */
export const digestCompanyCount = 4;

/** Why the item looks like a digest, or undefined when it looks like one story. */
export function digestMarker(title: string, companyCount: number): string | undefined {
  const match = digestTitle.exec(title);
  if (match) return `title says "${match[0]}"`;
  if (companyCount >= digestCompanyCount) return `${companyCount} companies in one item`;
  return undefined;
}
