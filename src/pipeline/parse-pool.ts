import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../errors.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';
import { prepareArticles, type BodyToParse, type PreparedArticles, type SourceToParse } from './prepare-articles.js';

/** Runs the CPU half of ingesting a source (decode, parse, normalize, tag), inline or on worker threads. */
export interface ArticleParser {
  prepare(source: SourceToParse, fetched: BodyToParse): Promise<PreparedArticles>;
  /** Worker threads parsing; 0 when parsing runs on the calling thread. */
  readonly workers: number;
  close(): Promise<void>;
}

/** Parsing on the calling thread. */
export const inlineParser: ArticleParser = { prepare: prepareArticles, workers: 0, close: async () => {} };

/**
 * `workers` parse threads (started on first use), or inline parsing for 0. With a worker the main
 * thread keeps only the network and the database, so a store never waits behind a parse, and
 * parsing runs beside the database's work instead of between its round trips (the ingest bench
 * measures the difference).
 */
export function createArticleParser(workers: number): ArticleParser {
  return workers > 0 ? new ParsePool(workers) : inlineParser;
}

interface Pending {
  resolve: (prepared: PreparedArticles) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker?: Worker;
  pending: Map<number, Pending>;
}

class ParsePool implements ArticleParser {
  private readonly slots: Slot[];
  private nextId = 0;
  private closed = false;

  constructor(readonly workers: number) {
    this.slots = Array.from({ length: workers }, () => ({ pending: new Map() }));
  }

  prepare(source: SourceToParse, fetched: BodyToParse): Promise<PreparedArticles> {
    if (this.closed) return Promise.reject(new AppError('parse', 'parse: the parse workers were closed'));
    // The least busy worker; the body is copied to it (a fetched body may share its memory with others).
    const slot = this.slots.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    const worker = slot.worker ?? this.start(slot);
    const id = this.nextId++;
    const request: ParseRequest = { id, source: plainSource(source), fetched };
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      // Only a worker with work keeps the process alive: an idle pool must not hold a finished CLI run open.
      if (slot.pending.size === 1) worker.ref();
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker?.terminate()));
  }

  private start(slot: Slot): Worker {
    const worker = new Worker(bootstrap, { eval: true, execArgv: [] });
    worker.unref();
    worker.on('message', (reply: ParseReply) => {
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      if (reply.ok) pending.resolve({ itemsSeen: reply.itemsSeen, articles: reply.articles as PreparedArticles['articles'] });
      else pending.reject(reply.code ? new AppError(reply.code as ErrorCode, reply.message) : new Error(reply.message));
    });
    // A worker that dies (out of memory, a crash in a parser) fails only the sources it held; the next source starts a new one.
    const fail = (reason: string) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      for (const pending of slot.pending.values()) pending.reject(new AppError('parse', `parse: the parse worker stopped (${reason})`));
      slot.pending.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    slot.worker = worker;
    return worker;
  }
}

/** Only the fields the worker reads: a SourceConfig may carry more than structured cloning needs. */
function plainSource(source: SourceToParse): SourceToParse {
  return { slug: source.slug, kind: source.kind, language: source.language, zone: source.zone, selectors: source.selectors };
}

// The worker runs the TypeScript sources as the main thread does: tsx's loader is registered in it
// first (a worker does not inherit the loader when the main thread is, say, a test runner).
const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./parse-worker.ts', import.meta.url).href)}); });`;

/** The URL of tsx's ESM register API, read from its package's export map. */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}
