-- Keeps item_tag_times in step with items (companies, topics, seen_at, story_id), whoever writes
-- them (ingest, retag, the story clusterer), and fills it for the items already stored.
CREATE OR REPLACE FUNCTION sync_item_tag_times() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM item_tag_times WHERE item_id = OLD.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.companies IS NOT DISTINCT FROM OLD.companies AND NEW.topics IS NOT DISTINCT FROM OLD.topics
       AND NEW.seen_at = OLD.seen_at AND NEW.story_id IS NOT DISTINCT FROM OLD.story_id THEN
      RETURN NULL;
    END IF;
    DELETE FROM item_tag_times WHERE item_id = NEW.id;
  END IF;
  INSERT INTO item_tag_times (kind, tag, seen_at, item_id, story_key)
  SELECT DISTINCT kind, tag, NEW.seen_at, NEW.id, coalesce(NEW.story_id, -NEW.id)
  FROM (SELECT 'company' AS kind, unnest(NEW.companies) AS tag UNION ALL SELECT 'topic', unnest(NEW.topics)) AS tags
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER items_sync_tag_times AFTER INSERT OR DELETE OR UPDATE OF companies, topics, seen_at, story_id ON items
FOR EACH ROW EXECUTE FUNCTION sync_item_tag_times();
--> statement-breakpoint
INSERT INTO item_tag_times (kind, tag, seen_at, item_id, story_key)
SELECT DISTINCT kind, tag, seen_at, id, coalesce(story_id, -id)
FROM (SELECT 'company' AS kind, unnest(companies) AS tag, seen_at, id, story_id FROM items
      UNION ALL SELECT 'topic', unnest(topics), seen_at, id, story_id FROM items) AS tags
ON CONFLICT DO NOTHING;
