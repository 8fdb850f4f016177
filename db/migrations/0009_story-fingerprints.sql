CREATE TABLE "item_bands" (
	"day" integer NOT NULL,
	"band" bigint NOT NULL,
	"item_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_fingerprints" (
	"item_id" bigint PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"language" text NOT NULL,
	"title_length" integer NOT NULL,
	"digest" boolean NOT NULL,
	"signature" integer[] NOT NULL,
	"strong_signals" text[] NOT NULL,
	"weak_signals" text[] NOT NULL,
	"title_signals" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "item_bands" ADD CONSTRAINT "item_bands_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_fingerprints" ADD CONSTRAINT "item_fingerprints_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_bands_day_band_idx" ON "item_bands" USING btree ("day","band");--> statement-breakpoint
CREATE INDEX "stories_last_seen_idx" ON "stories" USING btree ("last_seen_at" DESC NULLS LAST,"id" DESC NULLS LAST);