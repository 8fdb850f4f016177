import { z } from 'zod';
import { tagText } from '../tag/matcher.js';
import { mapJsonLines, validateLine } from './io.js';

const stringId = z.union([z.string(), z.number()]).transform(String);
const tagLine = z.object({ id: stringId, title: z.string(), text: z.string().optional(), lang: z.string().optional() });

/** JSON lines {id, title, text?, lang?} → {id, companies, topics, relevant, evidence}, in input order. */
export async function tagCommand(): Promise<void> {
  await mapJsonLines((record) => {
    const line = validateLine(tagLine, record);
    // lang is accepted for the contract; the tagger reads the script itself, so mixed-language text works.
    const result = tagText({ title: line.title, body: line.text });
    return {
      id: line.id,
      companies: result.companies.map((t) => t.company),
      topics: result.topics.map((t) => t.topic),
      relevant: result.relevant,
      evidence: { companies: result.companies, topics: result.topics },
    };
  });
}
