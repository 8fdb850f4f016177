import { z } from 'zod';
import { createExactDeduper } from '../dedupe/exact.js';
import { mapJsonLines, validateLine } from './io.js';

const stringId = z.union([z.string(), z.number()]).transform(String);
const dedupeLine = z.object({
  id: stringId,
  url: z.string().optional(),
  guid: z.string().optional(),
  title: z.string(),
  text: z.string().optional(),
  published: z.string().optional(),
  source: z.string().optional(),
});

export async function dedupeCommand(): Promise<void> {
  const assign = createExactDeduper();
  await mapJsonLines((record) => assign(validateLine(dedupeLine, record)));
}
