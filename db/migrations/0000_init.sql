CREATE TYPE "public"."campaign_kind" AS ENUM('petition', 'pledge');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'live', 'closed', 'won');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'es');--> statement-breakpoint
CREATE TYPE "public"."signature_status" AS ENUM('pending', 'validated', 'invalidated', 'fraudulent');--> statement-breakpoint
CREATE TYPE "public"."email_kind" AS ENUM('signature_confirmation', 'already_signed');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('queued', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "campaign_targets" (
	"campaign_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	CONSTRAINT "campaign_targets_campaign_id_company_id_pk" PRIMARY KEY("campaign_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" "campaign_kind" DEFAULT 'petition' NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"ask" text NOT NULL,
	"story" text NOT NULL,
	"title_es" text,
	"ask_es" text,
	"story_es" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "campaigns_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "signature_count_shards" (
	"campaign_id" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "signature_count_shards_campaign_id_shard_pk" PRIMARY KEY("campaign_id","shard")
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"status" "signature_status" DEFAULT 'pending' NOT NULL,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"email_canonical" text NOT NULL,
	"postal_code" text,
	"show_name" boolean DEFAULT false NOT NULL,
	"updates_consent_text" text,
	"updates_consent_at" timestamp with time zone,
	"comment" text,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"ip_hash" text,
	"referral_code" text NOT NULL,
	"referred_by" text,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"emails_queued" smallint DEFAULT 0 NOT NULL,
	"last_email_queued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"validated_at" timestamp with time zone,
	CONSTRAINT "signatures_referral_code_unique" UNIQUE("referral_code"),
	CONSTRAINT "signatures_campaign_email_uq" UNIQUE("campaign_id","email_canonical")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_hits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "email_kind" NOT NULL,
	"status" "email_status" DEFAULT 'queued' NOT NULL,
	"signature_id" uuid,
	"to_address" text NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_id" text,
	"subject" text,
	"html" text,
	"text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_count_shards" ADD CONSTRAINT "signature_count_shards_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_signature_id_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."signatures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "signatures_token_hash_idx" ON "signatures" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "signatures_recent_public_idx" ON "signatures" USING btree ("campaign_id","validated_at") WHERE "signatures"."status" = 'validated' and "signatures"."show_name";--> statement-breakpoint
CREATE INDEX "signatures_pending_created_idx" ON "signatures" USING btree ("created_at") WHERE "signatures"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "email_outbox_created_idx" ON "email_outbox" USING btree ("created_at");