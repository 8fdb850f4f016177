import type { Logger } from '../log.js';
import type { ItemHit } from '../store/items-list.js';
import { csvBatch, csvHeader, jsonlBatch } from './export-format.js';

export type ExportFormat = 'csv' | 'jsonl';

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/jsonl; charset=utf-8',
};

/**
 * Streams batches as the client reads them: pull() asks the database for the next batch only when
 * the previous one has been taken, so memory holds about one batch whatever the export's size.
 */
export function exportResponse(batches: AsyncGenerator<ItemHit[]>, options: { format: ExportFormat; bom: boolean; log: Logger }): Response {
  const encoder = new TextEncoder();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const head = `${options.bom ? '\ufeff' : ''}${options.format === 'csv' ? csvHeader : ''}`;
        if (head) {
          controller.enqueue(encoder.encode(head));
          return;
        }
      }
      try {
        const { value, done } = await batches.next();
        if (done) return controller.close();
        controller.enqueue(encoder.encode(options.format === 'csv' ? csvBatch(value) : jsonlBatch(value)));
      } catch (error) {
        // Headers are gone already: all we can do is cut the stream so the client sees it incomplete.
        options.log.error({ err: error }, 'export failed mid-stream');
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  }, { highWaterMark: 1 });
  const extension = options.format === 'csv' ? 'csv' : 'jsonl';
  return new Response(stream, {
    headers: { 'content-type': contentTypes[options.format], 'content-disposition': `attachment; filename="items.${extension}"`, 'cache-control': 'no-store' },
  });
}
