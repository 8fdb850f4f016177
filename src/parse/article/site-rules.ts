/** Per-site selectors (site-rules.json): where the article body is, and what inside it is furniture. */
import type { CheerioAPI } from 'cheerio';
import rules from './site-rules.json' with { type: 'json' };
import type { Element } from './dom.js';

export interface SiteRule {
  /** Selectors tried in order; the first that matches gives the body (all its matches, in order). */
  content: string[];
  /** Selectors removed inside the body before it becomes text. */
  remove?: string[];
}

const siteRules: Record<string, SiteRule> = rules;

/** The rule for a URL's host or its nearest parent domain (www.cnbc.com → cnbc.com). */
export function siteRuleFor(pageUrl: string): SiteRule | undefined {
  let host: string;
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  for (let domain = host; domain.includes('.'); domain = domain.slice(domain.indexOf('.') + 1)) {
    const rule = siteRules[domain];
    if (rule) return rule;
  }
  return undefined;
}

/** The body elements a rule selects, furniture removed; empty when the page no longer matches. */
export function applySiteRule($: CheerioAPI, rule: SiteRule): Element[] {
  for (const selector of rule.content) {
    const found = $(selector);
    if (found.length === 0) continue;
    for (const remove of rule.remove ?? []) found.find(remove).remove();
    // Nested matches would repeat text: keep only outermost ones.
    return found.toArray().filter((el, _, all) => !all.some((other) => other !== el && $.contains(other, el))) as Element[];
  }
  return [];
}
