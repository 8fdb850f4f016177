-- drizzle-kit's 0003 drops and re-adds items.search (a changed generated expression), which drops
-- items_search_idx with it and does not recreate it; the snapshot still lists the index.
CREATE INDEX IF NOT EXISTS "items_search_idx" ON "items" USING gin ("search");
