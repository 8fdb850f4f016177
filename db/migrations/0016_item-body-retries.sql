ALTER TABLE "items" ADD COLUMN "body_retries" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "body_retry_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "items_body_retry_idx" ON "items" USING btree ("source_slug","body_retry_at") WHERE body_retry_at is not null;