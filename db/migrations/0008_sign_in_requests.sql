ALTER TYPE "public"."email_kind" ADD VALUE 'sign_in';--> statement-breakpoint
ALTER TYPE "public"."email_kind" ADD VALUE 'group_invite';--> statement-breakpoint
CREATE TABLE "sign_in_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"link_hash" text NOT NULL,
	"next" text,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "sign_in_requests_link_hash_unique" UNIQUE("link_hash")
);
--> statement-breakpoint
CREATE INDEX "sign_in_requests_email_idx" ON "sign_in_requests" USING btree ("email","expires_at");