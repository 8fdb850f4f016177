/** Reading xml2js values as rss-parser hands them over: strings, `{_: text, $: attrs}` objects or arrays of either. */

/** The first text in a value: a string, an element's text, an Atom link's href or a person's name. */
export function firstText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    for (const entry of value) {
      const text = firstText(entry);
      if (text) return text;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const attributes = record.$ as Record<string, unknown> | undefined;
    return firstText(record._ ?? record.name ?? record.href ?? attributes?.href);
  }
  return undefined;
}

/** A value as a list (xml2js gives one element or an array). */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** An RSS category's text, or an Atom category's label/term. */
export function categoryName(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const attributes = record.$ as Record<string, unknown> | undefined;
    return firstText(record._) ?? firstText(attributes?.label) ?? firstText(attributes?.term);
  }
  return undefined;
}
