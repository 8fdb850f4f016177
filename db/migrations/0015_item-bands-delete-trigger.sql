-- item_bands rows go with their item: an item's delete cascades to its fingerprint row, and this
-- removes the band rows of every fingerprint row a statement deleted, in one statement.
CREATE OR REPLACE FUNCTION delete_item_bands() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM item_bands WHERE item_id IN (SELECT item_id FROM deleted_fingerprints);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER item_fingerprints_delete_bands AFTER DELETE ON item_fingerprints REFERENCING OLD TABLE AS deleted_fingerprints
FOR EACH STATEMENT EXECUTE FUNCTION delete_item_bands();
