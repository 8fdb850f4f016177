-- New items fill item_tag_times in one statement per INSERT (a transition table), not one
-- PL/pgSQL call per row: an ingest batch inserts hundreds of items at once. Updates and deletes
-- keep the row trigger of migration 0012 (a trigger with an UPDATE OF column list cannot have
-- transition tables), with the same rows written either way, relevance included.
CREATE OR REPLACE FUNCTION sync_item_tag_times_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO item_tag_times (kind, tag, seen_at, item_id, story_key, relevant)
  SELECT DISTINCT kind, tag, seen_at, id, coalesce(story_id, -id), coalesce(relevant, true)
  FROM (SELECT 'company' AS kind, unnest(companies) AS tag, seen_at, id, story_id, relevant FROM inserted_items
        UNION ALL SELECT 'topic', unnest(topics), seen_at, id, story_id, relevant FROM inserted_items) AS tags
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER items_sync_tag_times ON items;
--> statement-breakpoint
CREATE TRIGGER items_sync_tag_times AFTER DELETE OR UPDATE OF companies, topics, seen_at, story_id, relevant ON items
FOR EACH ROW EXECUTE FUNCTION sync_item_tag_times();
--> statement-breakpoint
CREATE TRIGGER items_sync_tag_times_inserted AFTER INSERT ON items REFERENCING NEW TABLE AS inserted_items
FOR EACH STATEMENT EXECUTE FUNCTION sync_item_tag_times_inserted();
