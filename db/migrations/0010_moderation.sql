CREATE TYPE "public"."invalidation_status" AS ENUM('draft', 'running', 'completed', 'cancelled', 'failed');--> statement-breakpoint
CREATE TABLE "moderation_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lists" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "moderation_settings_one_row" CHECK ("moderation_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "signature_invalidations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reason" text NOT NULL,
	"campaign_id" uuid,
	"ip_hash" text,
	"email_domain" text,
	"email_canonical" text,
	"created_after" timestamp with time zone,
	"created_before" timestamp with time zone,
	"status" "invalidation_status" DEFAULT 'draft' NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"invalidated" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "moderation_settings" ADD CONSTRAINT "moderation_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_invalidations" ADD CONSTRAINT "signature_invalidations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_invalidations" ADD CONSTRAINT "signature_invalidations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signature_invalidations_created_idx" ON "signature_invalidations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "signatures_created_idx" ON "signatures" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "signatures_ip_hash_idx" ON "signatures" USING btree ("ip_hash");