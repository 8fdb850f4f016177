import { readFileSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { SourceConfig } from '../domain.js';
import { AppError, messageOf } from '../errors.js';

const slugPattern = /^[a-z0-9][a-z0-9-]*$/;

const selectorsSchema = z.strictObject({
  item: z.string().min(1),
  link: z.string().min(1),
  title: z.string().min(1),
  date: z.string().min(1).optional(),
  summary: z.string().min(1).optional(),
});

const zoneSchema = z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'not an IANA time zone' });
const fullTextSchema = z.union([z.boolean(), z.literal('auto')]);

const defaultsSchema = z.strictObject({
  language: z.string().min(2).optional(),
  zone: zoneSchema.optional(),
  weight: z.number().positive().max(10).optional(),
  fullText: fullTextSchema.optional(),
});

const entrySchema = z.strictObject({
  slug: z.string().regex(slugPattern, 'use lower-case letters, digits and dashes'),
  name: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  kind: z.enum(['feed', 'html']).default('feed'),
  language: z.string().min(2).optional(),
  zone: zoneSchema.optional(),
  weight: z.number().positive().max(10).optional(),
  fullText: fullTextSchema.optional(),
  enabled: z.boolean().optional(),
  selectors: selectorsSchema.optional(),
});

const fileSchema = z.strictObject({
  $schema: z.string().optional(),
  defaults: defaultsSchema.optional(),
  sources: z.array(z.unknown()),
});

/** Reads and validates a feeds.json file; any bad entry is an error that names the entry and the field. */
export function loadFeedsFile(path: string): SourceConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AppError('config', `feeds: cannot read ${path}: ${messageOf(error)}`, { cause: error });
  }
  return parseFeedsFile(raw, path);
}

/** Validates the parsed JSON of a feeds file (see loadFeedsFile). */
export function parseFeedsFile(raw: unknown, path = 'feeds.json'): SourceConfig[] {
  const file = fileSchema.safeParse(raw);
  if (!file.success) throw new AppError('config', `feeds: ${path}: ${describeIssue(file.error)}`);
  const defaults = file.data.defaults ?? {};
  const seen = new Set<string>();
  return file.data.sources.map((entry, index) => {
    const label = entryLabel(entry, index);
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) throw new AppError('config', `feeds: ${path}: ${label}: ${describeIssue(parsed.error)}`);
    const e = parsed.data;
    if (seen.has(e.slug)) throw new AppError('config', `feeds: ${path}: ${label}: slug: "${e.slug}" is used twice`);
    seen.add(e.slug);
    if (e.kind === 'html' && !e.selectors) {
      throw new AppError('config', `feeds: ${path}: ${label}: selectors: required when kind is "html"`);
    }
    return {
      slug: e.slug,
      name: e.name,
      url: e.url,
      kind: e.kind,
      language: e.language ?? defaults.language ?? 'en',
      zone: e.zone ?? defaults.zone ?? 'UTC',
      weight: e.weight ?? defaults.weight ?? 1,
      fullText: e.fullText ?? defaults.fullText ?? false,
      enabled: e.enabled ?? true,
      selectors: e.selectors,
    } satisfies SourceConfig;
  });
}

function entryLabel(entry: unknown, index: number): string {
  const slug = typeof entry === 'object' && entry !== null ? (entry as { slug?: unknown }).slug : undefined;
  return typeof slug === 'string' ? `sources[${index}] "${slug}"` : `sources[${index}]`;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const field = issue.path.length > 0 ? issue.path.join('.') : 'entry';
  return `${field}: ${issue.message}`;
}
