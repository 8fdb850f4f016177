CREATE TABLE "item_bands" (
	"band" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "item_bands_band_item_id_pk" PRIMARY KEY("band","item_id")
);
--> statement-breakpoint
CREATE TABLE "item_fingerprints" (
	"item_id" bigint PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"language" text NOT NULL,
	"title_length" integer NOT NULL,
	"signature" integer[] NOT NULL,
	"strong_signals" text[] NOT NULL,
	"weak_signals" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "item_bands" ADD CONSTRAINT "item_bands_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_fingerprints" ADD CONSTRAINT "item_fingerprints_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_bands_band_seen_idx" ON "item_bands" USING btree ("band","seen_at");--> statement-breakpoint
CREATE INDEX "stories_last_seen_idx" ON "stories" USING btree ("last_seen_at" DESC NULLS LAST,"id" DESC NULLS LAST);