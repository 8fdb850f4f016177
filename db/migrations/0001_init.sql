CREATE TABLE "app_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fetch_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"source_slug" text NOT NULL,
	"status" text NOT NULL,
	"http_status" integer,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"items_seen" integer DEFAULT 0 NOT NULL,
	"items_new" integer DEFAULT 0 NOT NULL,
	"items_updated" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "fetch_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"sources_total" integer DEFAULT 0 NOT NULL,
	"sources_ok" integer DEFAULT 0 NOT NULL,
	"sources_failed" integer DEFAULT 0 NOT NULL,
	"items_seen" integer DEFAULT 0 NOT NULL,
	"items_new" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "item_companies" (
	"item_id" bigint NOT NULL,
	"company" text NOT NULL,
	"field" text NOT NULL,
	"alias" text NOT NULL,
	"score" real NOT NULL,
	CONSTRAINT "item_companies_item_id_company_pk" PRIMARY KEY("item_id","company")
);
--> statement-breakpoint
CREATE TABLE "item_topics" (
	"item_id" bigint NOT NULL,
	"topic" text NOT NULL,
	"field" text NOT NULL,
	"keyword" text NOT NULL,
	"score" real NOT NULL,
	CONSTRAINT "item_topics_item_id_topic_pk" PRIMARY KEY("item_id","topic")
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source_slug" text NOT NULL,
	"guid" text,
	"url" text NOT NULL,
	"canonical_url" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_text" text,
	"body_error" text,
	"author" text,
	"published_at" timestamp with time zone,
	"fetched_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"language" text NOT NULL,
	"content_hash" text NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"story_id" bigint,
	"relevant" boolean DEFAULT false NOT NULL,
	"companies" text[] DEFAULT '{}'::text[] NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"tag_version" integer DEFAULT 0 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(body_text, ''))) STORED,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roundups" (
	"week" text NOT NULL,
	"zone" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"changes" jsonb DEFAULT '{"pinned":[],"excluded":[],"added":[],"order":[],"summaries":{}}'::jsonb NOT NULL,
	"final_story_ids" bigint[],
	"final_draft" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roundups_week_zone_pk" PRIMARY KEY("week","zone")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"language" text NOT NULL,
	"zone" text NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"in_config" boolean DEFAULT true NOT NULL,
	"etag" text,
	"last_modified" text,
	"last_fetched_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"next_fetch_at" timestamp with time zone,
	"consecutive_errors" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_status" integer,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"representative_item_id" bigint,
	"item_count" integer DEFAULT 0 NOT NULL,
	"source_count" integer DEFAULT 0 NOT NULL,
	"merged_into" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fetch_attempts" ADD CONSTRAINT "fetch_attempts_run_id_fetch_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."fetch_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fetch_attempts" ADD CONSTRAINT "fetch_attempts_source_slug_sources_slug_fk" FOREIGN KEY ("source_slug") REFERENCES "public"."sources"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_companies" ADD CONSTRAINT "item_companies_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_topics" ADD CONSTRAINT "item_topics_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_source_slug_sources_slug_fk" FOREIGN KEY ("source_slug") REFERENCES "public"."sources"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fetch_attempts_run_idx" ON "fetch_attempts" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "fetch_attempts_source_idx" ON "fetch_attempts" USING btree ("source_slug","started_at");--> statement-breakpoint
CREATE INDEX "item_companies_company_idx" ON "item_companies" USING btree ("company");--> statement-breakpoint
CREATE INDEX "item_topics_topic_idx" ON "item_topics" USING btree ("topic");--> statement-breakpoint
CREATE UNIQUE INDEX "items_canonical_url_key" ON "items" USING btree ("canonical_url");--> statement-breakpoint
CREATE UNIQUE INDEX "items_source_guid_key" ON "items" USING btree ("source_slug","guid");--> statement-breakpoint
CREATE INDEX "items_content_hash_idx" ON "items" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "items_seen_at_idx" ON "items" USING btree ("seen_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "items_source_seen_idx" ON "items" USING btree ("source_slug","seen_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "items_story_idx" ON "items" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "items_companies_idx" ON "items" USING gin ("companies");--> statement-breakpoint
CREATE INDEX "items_topics_idx" ON "items" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "items_search_idx" ON "items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "items_title_trgm_idx" ON "items" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "stories_first_seen_idx" ON "stories" USING btree ("first_seen_at");