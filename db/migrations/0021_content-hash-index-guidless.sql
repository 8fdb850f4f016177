-- An item's content identifies it only when it has no GUID, and only within its source (the store's
-- lookup says so): index just those rows, not every item's hash on every insert.
DROP INDEX "items_content_hash_idx";--> statement-breakpoint
CREATE INDEX "items_source_content_hash_idx" ON "items" USING btree ("source_slug","content_hash") WHERE guid is null;
