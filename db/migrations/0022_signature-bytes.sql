-- A signature is uint32 values: stored as 4 big-endian bytes each instead of an int4[], a batch's
-- signatures travel as one base64 literal the server decodes in one pass, not hundreds of thousands
-- of decimal numbers it parses one by one (and writes back one by one when candidates are read).
-- Existing rows keep their values: int4send gives each one's 4 bytes, in the array's order.
ALTER TABLE "item_fingerprints" ADD COLUMN "signature_bytes" bytea;--> statement-breakpoint
UPDATE "item_fingerprints" f SET "signature_bytes" = (
  SELECT coalesce(string_agg(int4send(v), ''::bytea ORDER BY n), ''::bytea) FROM unnest(f."signature") WITH ORDINALITY AS s(v, n));--> statement-breakpoint
ALTER TABLE "item_fingerprints" DROP COLUMN "signature";--> statement-breakpoint
ALTER TABLE "item_fingerprints" RENAME COLUMN "signature_bytes" TO "signature";--> statement-breakpoint
ALTER TABLE "item_fingerprints" ALTER COLUMN "signature" SET NOT NULL;
