/**
 * xml:base (https://www.w3.org/TR/xmlbase/) as feeds use it: on the root or channel, and on each
 * entry. rss-parser drops attributes of those elements, so they are read from the tags themselves,
 * in document order, which is the order rss-parser returns items in.
 */

/** The xml:base on the feed's root element (feed, rss, rdf:RDF or channel), resolved against `documentUrl`. */
export function rootBase(text: string, documentUrl: string | undefined): string | undefined {
  const head = text.slice(0, 8192);
  const root = head.match(/<(?:feed|rss|rdf:RDF|channel)\b[^>]*?\sxml:base\s*=\s*["']([^"']*)["']/i);
  return resolve(root?.[1], documentUrl) ?? documentUrl;
}

/** One base per `<entry>`/`<item>`, in order: its own xml:base resolved against `base`, else `base`. */
export function entryBases(text: string, base: string | undefined): Array<string | undefined> {
  const bases: Array<string | undefined> = [];
  for (const match of text.matchAll(/<(?:entry|item)(\s[^>]*)?>/gi)) {
    const own = match[1]?.match(/\sxml:base\s*=\s*["']([^"']*)["']/i)?.[1];
    bases.push(resolve(own, base) ?? base);
  }
  return bases;
}

function resolve(value: string | undefined, base: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return new URL(value, base).toString();
  } catch {
    return undefined;
  }
}
