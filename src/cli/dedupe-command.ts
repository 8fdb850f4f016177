import { z } from 'zod';
import { createDeduper } from '../dedupe/deduper.js';
import { mapJsonLines, validateLine } from './io.js';

const stringId = z.union([z.string(), z.number()]).transform(String);
const isoDate = z.string().refine((value) => !Number.isNaN(new Date(value).getTime()), 'expected an ISO 8601 date with offset');
const dedupeLine = z.object({
  id: stringId,
  url: z.string().optional(),
  guid: z.string().optional(),
  title: z.string().min(1, 'must not be empty'),
  text: z.string().optional(),
  published: isoDate.optional(),
  source: z.string().optional(),
  lang: z.string().optional(),
});

/** JSON lines in arrival order → `{id, item, story}`; the clock is read once, for undated lines. */
export async function dedupeCommand(): Promise<void> {
  const assign = createDeduper({ now: new Date() });
  await mapJsonLines((record) => assign(validateLine(dedupeLine, record)));
}
