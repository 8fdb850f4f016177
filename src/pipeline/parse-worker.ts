// A parse worker thread: runs prepareArticles for the main thread, which keeps the network and the
// database. Errors go back as values; an AppError keeps its code.
import { parentPort } from 'node:worker_threads';
import { AppError, messageOf } from '../errors.js';
import { prepareArticles, type BodyToParse, type SourceToParse } from './prepare-articles.js';

export interface ParseRequest {
  id: number;
  source: SourceToParse;
  fetched: BodyToParse;
}

export type ParseReply =
  | { id: number; ok: true; itemsSeen: number; articles: unknown[] }
  | { id: number; ok: false; code: string | null; message: string };

parentPort?.on('message', (request: ParseRequest) => {
  prepareArticles(request.source, request.fetched).then(
    (prepared) => parentPort!.postMessage({ id: request.id, ok: true, ...prepared } satisfies ParseReply),
    (error: unknown) =>
      parentPort!.postMessage({ id: request.id, ok: false, code: error instanceof AppError ? error.code : null, message: messageOf(error) } satisfies ParseReply),
  );
});
