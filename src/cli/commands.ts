import { z } from 'zod';
import { loadConfig } from '../config.js';
import { createExactDeduper } from '../dedupe/exact.js';
import { AppError } from '../errors.js';
import { decodeBody } from '../fetch/charset.js';
import { serveUntilSignal } from '../main.js';
import { parseFeed } from '../parse/feed.js';
import { formatRunSummary, runSources } from '../pipeline/run-sources.js';
import { renderDraft, weeklyDraft, type DraftFormat } from '../pipeline/weekly-draft.js';
import { openRuntime } from '../runtime.js';
import { openDb } from '../store/db.js';
import { catalogue } from '../tag/catalogue.js';
import { tagText } from '../tag/matcher.js';
import { mapJsonLines, readStdin, writeLine } from './io.js';

export type Flags = Record<string, string | boolean | undefined>;

const stringId = z.union([z.string(), z.number()]).transform(String);
const tagLine = z.object({ id: stringId, title: z.string(), text: z.string().optional(), lang: z.string().optional() });
const dedupeLine = z.object({
  id: stringId,
  url: z.string().optional(),
  guid: z.string().optional(),
  title: z.string(),
  text: z.string().optional(),
  published: z.string().optional(),
  source: z.string().optional(),
});

function validate<T extends z.ZodType>(schema: T, record: unknown): z.infer<T> {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new AppError('bad_request', `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`);
}

export async function serveCommand(flags: Flags): Promise<void> {
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new AppError('bad_request', '--port: must be 0–65535');
  await serveUntilSignal({ port, cron: flags['no-cron'] !== true });
}

export async function fetchCommand(flags: Flags): Promise<number> {
  const runtime = await openRuntime(loadConfig());
  try {
    const slug = typeof flags.source === 'string' ? flags.source : undefined;
    if (slug && !runtime.sources.some((s) => s.slug === slug)) throw new AppError('bad_request', `--source: no source "${slug}" in ${runtime.config.feedsFile}`);
    const summary = await runSources(runtime.pipeline, { trigger: 'cli', slugs: slug ? [slug] : undefined });
    for (const line of formatRunSummary(summary)) await writeLine(line);
    return summary.run.sourcesTotal > 0 && summary.run.sourcesOk === 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const handle = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await handle.close();
  await writeLine(`migrations applied (${handle.kind})`);
}

export async function parseCommand(flags: Flags): Promise<void> {
  const bytes = await readStdin();
  const feed = await parseFeed(decodeBody(bytes), {
    baseUrl: typeof flags.url === 'string' ? flags.url : undefined,
    zone: typeof flags.zone === 'string' ? flags.zone : 'UTC',
  });
  await writeLine(
    JSON.stringify({
      format: feed.format,
      title: feed.title,
      items: feed.items.map((i) => ({ guid: i.guid ?? null, url: i.url ?? null, title: i.title, published: i.published ?? null, summary: i.summary ?? '' })),
    }),
  );
}

export async function tagCommand(): Promise<void> {
  await mapJsonLines((record) => {
    const line = validate(tagLine, record);
    const result = tagText({ title: line.title, body: line.text });
    return {
      id: line.id,
      companies: result.companies.map((t) => t.company),
      topics: result.topics.map((t) => t.topic),
      relevant: result.relevant,
      evidence: result.companies,
    };
  });
}

export async function dedupeCommand(): Promise<void> {
  const assign = createExactDeduper();
  await mapJsonLines((record) => assign(validate(dedupeLine, record)));
}

export async function roundupCommand(flags: Flags): Promise<void> {
  if (typeof flags.week !== 'string') throw new AppError('bad_request', '--week: required, like --week 2025-W01');
  const format = (flags.format ?? 'md') as DraftFormat;
  if (!['md', 'html', 'json'].includes(format)) throw new AppError('bad_request', '--format: use md, html or json');
  const runtime = await openRuntime(loadConfig(), { syncSources: false });
  try {
    const zone = typeof flags.zone === 'string' ? flags.zone : runtime.config.roundupZone;
    const draft = await weeklyDraft(runtime.handle.db, { week: flags.week, zone, now: new Date() });
    process.stdout.write(renderDraft(draft, format).body);
  } finally {
    await runtime.close();
  }
}

export async function companiesCommand(): Promise<void> {
  const list = catalogue.map((e) => ({ slug: e.slug, name: e.name, nameZh: e.nameZh, aliases: [...e.aliases, ...(e.products ?? []), ...(e.ambiguous ?? [])] }));
  await writeLine(JSON.stringify(list, null, 2));
}
