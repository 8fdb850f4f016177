-- No query reads items_title_trgm_idx: search goes through items.search (migration 0002 says why
-- trigrams could not serve Chinese), and every insert paid for it (about a tenth of the server's
-- time inserting a batch of items, measured by replaying the ingest bench's inserts).
DROP INDEX "items_title_trgm_idx";
