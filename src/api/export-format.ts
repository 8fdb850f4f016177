import type { ItemHit } from '../store/items-list.js';

/** The export's columns, in order; companies and topics are joined with ";". */
export const exportColumns = [
  'id',
  'seen_at',
  'published_at',
  'source',
  'source_name',
  'language',
  'title',
  'summary',
  'url',
  'canonical_url',
  'author',
  'companies',
  'topics',
  'relevant',
  'story_id',
] as const;

function exportRecord(item: ItemHit): Record<(typeof exportColumns)[number], string | number | boolean | null | string[]> {
  return {
    id: item.id,
    seen_at: item.seenAt.toISOString(),
    published_at: item.publishedAt ? item.publishedAt.toISOString() : null,
    source: item.source,
    source_name: item.sourceName,
    language: item.language,
    title: item.title,
    summary: item.summary,
    url: item.url,
    canonical_url: item.canonicalUrl,
    author: item.author,
    companies: item.companies,
    topics: item.topics,
    relevant: item.relevant,
    story_id: item.storyId,
  };
}

/**
 * Text from a feed that a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") gets
 * a leading apostrophe (OWASP's CSV-injection advice): a hostile headline must not execute in the
 * researcher's Excel. Numbers and booleans we wrote ourselves are left alone.
 */
function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled. */
export function csvField(value: string | number | boolean | null | string[]): string {
  if (value === null) return '';
  const text = typeof value === 'string' || Array.isArray(value) ? defuseFormula(Array.isArray(value) ? value.join(';') : value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with RFC 4180's CRLF line ending. */
export function csvLine(values: Array<string | number | boolean | null | string[]>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The CSV header line. */
export const csvHeader = csvLine([...exportColumns]);

/** A batch of items as CSV lines. */
export function csvBatch(batch: ItemHit[]): string {
  return batch.map((item) => csvLine(exportColumns.map((column) => exportRecord(item)[column]))).join('');
}

/** A batch of items as JSON Lines (one object per line, snake_case like the CSV). */
export function jsonlBatch(batch: ItemHit[]): string {
  return batch.map((item) => `${JSON.stringify(exportRecord(item))}\n`).join('');
}
