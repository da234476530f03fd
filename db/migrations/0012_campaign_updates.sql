CREATE TYPE "public"."update_delivery_status" AS ENUM('queued', 'sent', 'failed', 'bounced', 'complained', 'suppressed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."suppression_reason" AS ENUM('bounce', 'complaint', 'unsubscribe-all');--> statement-breakpoint
CREATE TYPE "public"."update_state" AS ENUM('draft', 'scheduled', 'sending', 'paused', 'cancelled', 'sent');--> statement-breakpoint
ALTER TYPE "public"."email_kind" ADD VALUE 'campaign_update';--> statement-breakpoint
CREATE TABLE "campaign_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text DEFAULT 'update' NOT NULL,
	"state" "update_state" DEFAULT 'draft' NOT NULL,
	"subject" text NOT NULL,
	"subject_es" text NOT NULL,
	"body" text NOT NULL,
	"body_es" text NOT NULL,
	"audience" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scheduled_at" timestamp with time zone,
	"frozen" jsonb,
	"created_by" uuid,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"limit_overridden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "suppressions" (
	"email_canonical" text PRIMARY KEY NOT NULL,
	"reason" "suppression_reason" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "update_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"update_id" uuid NOT NULL,
	"signature_id" uuid NOT NULL,
	"email" text NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"status" "update_delivery_status" DEFAULT 'queued' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_id" text,
	"sent_at" timestamp with time zone,
	"in_outbox" boolean DEFAULT false NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "update_deliveries_update_signature_uq" UNIQUE("update_id","signature_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "update_delivery_id" uuid;--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_deliveries" ADD CONSTRAINT "update_deliveries_signature_id_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."signatures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_updates_campaign_idx" ON "campaign_updates" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_updates_victory_uq" ON "campaign_updates" USING btree ("campaign_id") WHERE "campaign_updates"."kind" = 'victory';--> statement-breakpoint
CREATE INDEX "campaign_updates_due_idx" ON "campaign_updates" USING btree ("scheduled_at") WHERE "campaign_updates"."state" = 'scheduled';--> statement-breakpoint
CREATE INDEX "update_deliveries_provider_idx" ON "update_deliveries" USING btree ("provider_id") WHERE "update_deliveries"."provider_id" is not null;--> statement-breakpoint
CREATE INDEX "update_deliveries_signature_idx" ON "update_deliveries" USING btree ("signature_id");--> statement-breakpoint
CREATE INDEX "update_deliveries_queued_idx" ON "update_deliveries" USING btree ("update_id") WHERE "update_deliveries"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "update_deliveries_unfed_idx" ON "update_deliveries" USING btree ("update_id") WHERE "update_deliveries"."status" = 'queued' and not "update_deliveries"."in_outbox";--> statement-breakpoint
CREATE INDEX "email_outbox_delivery_idx" ON "email_outbox" USING btree ("update_delivery_id") WHERE "email_outbox"."update_delivery_id" is not null;