ALTER TYPE "public"."email_status" ADD VALUE 'sending';--> statement-breakpoint
CREATE TABLE "email_send_pace" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"next_slot_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone DEFAULT now() NOT NULL,
	"limited_since" timestamp with time zone,
	"refused_in_episode" integer DEFAULT 0 NOT NULL,
	"refused_total" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "email_outbox_due_idx";--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "priority" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "batch_key" text;--> statement-breakpoint
CREATE INDEX "email_outbox_unsent_idx" ON "email_outbox" USING btree ("priority","next_attempt_at") WHERE "email_outbox"."status" not in ('sent', 'failed');--> statement-breakpoint
CREATE INDEX "email_outbox_batch_idx" ON "email_outbox" USING btree ("batch_key") WHERE "email_outbox"."batch_key" is not null;