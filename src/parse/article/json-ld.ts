/** Reads schema.org Article data (NewsArticle, BlogPosting, ...) from a page's JSON-LD scripts. */

export interface JsonLdArticle {
  headline?: string;
  articleBody?: string;
  datePublished?: string;
  author?: string;
  url?: string;
  inLanguage?: string;
}

const articleTypes = /Article$|^BlogPosting$|^Report$|^LiveBlogPosting$/;

/** The first Article-like object in the given JSON-LD script texts, preferring one with a body. */
export function articleFromJsonLd(scripts: string[]): JsonLdArticle | undefined {
  const found: Record<string, unknown>[] = [];
  for (const script of scripts) {
    const data = parseLenient(script);
    if (data !== undefined) collectArticles(data, found, 0);
  }
  const best = found.find((node) => typeof node.articleBody === 'string' && node.articleBody.trim()) ?? found[0];
  if (!best) return undefined;
  return {
    headline: stringOf(best.headline) ?? stringOf(best.name),
    articleBody: stringOf(best.articleBody),
    datePublished: stringOf(best.datePublished) ?? stringOf(best.dateCreated),
    author: authorOf(best.author),
    url: stringOf(best.url) ?? stringOf((best.mainEntityOfPage as { '@id'?: unknown } | undefined)?.['@id']),
    inLanguage: stringOf(best.inLanguage),
  };
}

function parseLenient(script: string): unknown {
  // Publishers wrap JSON-LD in CDATA or HTML comments and leave raw newlines inside strings.
  const text = script.replace(/^\s*(<!\[CDATA\[|<!--)/, '').replace(/(\]\]>|-->)\s*$/, '').replace(/[\u0000-\u001f]+/g, ' ').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function collectArticles(value: unknown, found: Record<string, unknown>[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const entry of value) collectArticles(entry, found, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  if (types.some((type) => typeof type === 'string' && articleTypes.test(type))) found.push(node);
  if (node['@graph']) collectArticles(node['@graph'], found, depth + 1);
  if (node.mainEntity) collectArticles(node.mainEntity, found, depth + 1);
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return stringOf(value[0]);
  return undefined;
}

function authorOf(value: unknown): string | undefined {
  const names = (Array.isArray(value) ? value : [value])
    .map((entry) => (typeof entry === 'string' ? entry : stringOf((entry as { name?: unknown } | null)?.name)))
    .filter((name): name is string => Boolean(name && name.trim()));
  return names.length > 0 ? names.join(', ') : undefined;
}
