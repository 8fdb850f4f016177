CREATE TABLE "item_tag_times" (
	"kind" text NOT NULL,
	"tag" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"item_id" bigint NOT NULL,
	"story_key" bigint NOT NULL,
	CONSTRAINT "item_tag_times_kind_tag_seen_at_item_id_story_key_pk" PRIMARY KEY("kind","tag","seen_at","item_id","story_key")
);
--> statement-breakpoint
CREATE INDEX "item_tag_times_item_idx" ON "item_tag_times" USING btree ("item_id");