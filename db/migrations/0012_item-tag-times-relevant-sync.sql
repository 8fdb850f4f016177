-- item_tag_times.relevant follows items.relevant, like the other columns the trigger keeps in step.
-- The API lists and counts relevant items by default; with relevance in the primary key's index
-- (an INCLUDE column: not a key part, so uniqueness is unchanged) one company's weekly counts stay
-- an index-only scan instead of visiting every item to read its relevance.
UPDATE item_tag_times t SET relevant = false FROM items i WHERE i.id = t.item_id AND NOT i.relevant;
--> statement-breakpoint
ALTER TABLE item_tag_times DROP CONSTRAINT item_tag_times_kind_tag_seen_at_item_id_story_key_pk;
--> statement-breakpoint
ALTER TABLE item_tag_times ADD CONSTRAINT item_tag_times_kind_tag_seen_at_item_id_story_key_pk
  PRIMARY KEY (kind, tag, seen_at, item_id, story_key) INCLUDE (relevant);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sync_item_tag_times() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM item_tag_times WHERE item_id = OLD.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.companies IS NOT DISTINCT FROM OLD.companies AND NEW.topics IS NOT DISTINCT FROM OLD.topics
       AND NEW.seen_at = OLD.seen_at AND NEW.story_id IS NOT DISTINCT FROM OLD.story_id
       AND NEW.relevant IS NOT DISTINCT FROM OLD.relevant THEN
      RETURN NULL;
    END IF;
    DELETE FROM item_tag_times WHERE item_id = NEW.id;
  END IF;
  INSERT INTO item_tag_times (kind, tag, seen_at, item_id, story_key, relevant)
  SELECT DISTINCT kind, tag, NEW.seen_at, NEW.id, coalesce(NEW.story_id, -NEW.id), coalesce(NEW.relevant, true)
  FROM (SELECT 'company' AS kind, unnest(NEW.companies) AS tag UNION ALL SELECT 'topic', unnest(NEW.topics)) AS tags
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER items_sync_tag_times ON items;
--> statement-breakpoint
CREATE TRIGGER items_sync_tag_times AFTER INSERT OR DELETE OR UPDATE OF companies, topics, seen_at, story_id, relevant ON items
FOR EACH ROW EXECUTE FUNCTION sync_item_tag_times();
