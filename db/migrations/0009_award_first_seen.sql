ALTER TABLE "awards" ADD COLUMN "first_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "awards_updated_idx" ON "awards" USING btree ("updated_at");