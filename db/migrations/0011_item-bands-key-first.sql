DROP INDEX "item_bands_day_band_idx";--> statement-breakpoint
CREATE INDEX "item_bands_band_day_idx" ON "item_bands" USING btree ("band","day");