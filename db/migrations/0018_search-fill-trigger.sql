-- items.search is a plain column since 0017: the store's insert sends the english text and the CJK
-- bigrams already prepared (src/store/search-text.ts gives what without_cjk() and cjk_bigrams()
-- give) and the server only runs to_tsvector on them. As a generated column the server ran both
-- regex functions on every row, in the statement a fetch run's writes queue behind. Every other
-- writer gets the same value from here: an insert that leaves search null, and an update that
-- changes title, summary or body_text.
CREATE OR REPLACE FUNCTION items_search_of(title text, summary text, body_text text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('english', without_cjk(coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(body_text, '')))
      || to_tsvector('simple', cjk_bigrams(coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || left(coalesce(body_text, ''), 4000)))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION fill_item_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := items_search_of(NEW.title, NEW.summary, NEW.body_text);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER items_search_on_insert BEFORE INSERT ON items
FOR EACH ROW WHEN (NEW.search IS NULL) EXECUTE FUNCTION fill_item_search();
--> statement-breakpoint
CREATE TRIGGER items_search_on_update BEFORE UPDATE OF title, summary, body_text ON items
FOR EACH ROW WHEN (NEW.title IS DISTINCT FROM OLD.title OR NEW.summary IS DISTINCT FROM OLD.summary OR NEW.body_text IS DISTINCT FROM OLD.body_text)
EXECUTE FUNCTION fill_item_search();
