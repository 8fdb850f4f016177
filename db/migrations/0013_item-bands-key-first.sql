ALTER TABLE "item_bands" DROP CONSTRAINT "item_bands_item_id_items_id_fk";
--> statement-breakpoint
DROP INDEX "item_bands_day_band_idx";--> statement-breakpoint
CREATE INDEX "item_bands_band_day_idx" ON "item_bands" USING btree ("band","day");