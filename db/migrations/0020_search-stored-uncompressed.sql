-- A long item's tsvector passes 2 kB, and pglz tried to compress it on every insert (a tsvector
-- compresses poorly, so mostly in vain): about an eighth of the server's time inserting a batch
-- of items, replayed from the ingest bench. Stored out of line as it is, it costs no compression on
-- the way in and none on the way out (ranking and phrase rechecks read it).
ALTER TABLE "items" ALTER COLUMN "search" SET STORAGE EXTERNAL;
