-- Replaces items_seen_at_idx (dropped in 0005) with the same key plus the columns the research API
-- filters and counts on, so "newest first" lists, export batches and weekly counts run as
-- index-only scans over a time range and read the heap only for the rows they return
-- (tests/bench/query.bench.ts: topic + 12-week range went from a 14,700-row bitmap heap scan to
-- reading about 51 heap rows). drizzle-kit cannot declare INCLUDE, hence a custom migration.
CREATE INDEX IF NOT EXISTS "items_seen_cover_idx" ON "items" ("seen_at" DESC, "id" DESC) INCLUDE ("companies", "topics", "story_id", "language", "source_slug", "relevant");
