import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { AppError } from '../errors.js';

/** All of stdin as bytes. */
export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes one line to stdout, waiting when the pipe is full. */
export async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/**
 * Streams JSON lines from stdin through `handle`, one output line per input line, in input order.
 * A line that is not a JSON object yields `{id?, error}` and processing goes on.
 */
export async function mapJsonLines(handle: (record: Record<string, unknown>) => unknown | Promise<unknown>): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (!line.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      await writeLine(JSON.stringify({ error: `line ${number}: not valid JSON` }));
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      await writeLine(JSON.stringify({ error: `line ${number}: expected a JSON object` }));
      continue;
    }
    const id = (record as { id?: unknown }).id;
    try {
      await writeLine(JSON.stringify(await handle(record as Record<string, unknown>)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await writeLine(JSON.stringify(id === undefined ? { error: `line ${number}: ${message}` } : { id, error: message }));
    }
  }
}

/** Validates one input line; the error names the field, and the caller's line gets {id?, error}. */
export function validateLine<T extends z.ZodType>(schema: T, record: unknown): z.infer<T> {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new AppError('bad_request', `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`);
}
