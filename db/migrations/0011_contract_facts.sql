CREATE TYPE "public"."company_alias_kind" AS ENUM('name', 'uei', 'duns');--> statement-breakpoint
CREATE TYPE "public"."agency_jurisdiction" AS ENUM('us', 'eu');--> statement-breakpoint
CREATE TYPE "public"."amount_kind" AS ENUM('obligated', 'current_value', 'ceiling', 'reported_value', 'budget', 'count', 'percent');--> statement-breakpoint
CREATE TYPE "public"."award_import_kind" AS ENUM('file', 'api', 'dataset');--> statement-breakpoint
CREATE TYPE "public"."award_import_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."citation_role" AS ENUM('supports', 'contradicts', 'context');--> statement-breakpoint
CREATE TYPE "public"."currency" AS ENUM('USD', 'EUR');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'year');--> statement-breakpoint
CREATE TYPE "public"."fact_status" AS ENUM('verified_record', 'verified_press', 'reported', 'disputed', 'wrong', 'unverified');--> statement-breakpoint
CREATE TYPE "public"."obligation_basis" AS ENUM('award_total', 'transactions');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('usaspending_award', 'usaspending_download', 'usaspending_api', 'fpds', 'news', 'ngo_report', 'gov_report', 'foia', 'company_statement', 'seed');--> statement-breakpoint
CREATE TYPE "public"."source_reliability" AS ENUM('primary', 'secondary', 'advocacy');--> statement-breakpoint
CREATE TABLE "company_aliases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" "company_alias_kind" DEFAULT 'name' NOT NULL,
	"alias" text NOT NULL,
	"searchable" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"name_es" text,
	"abbreviation" text,
	"jurisdiction" "agency_jurisdiction" DEFAULT 'us' NOT NULL,
	"toptier_code" text,
	"subtier_code" text,
	"parent_id" uuid,
	CONSTRAINT "agencies_slug_unique" UNIQUE("slug"),
	CONSTRAINT "agencies_subtier_code_unique" UNIQUE("subtier_code")
);
--> statement-breakpoint
CREATE TABLE "award_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "award_import_kind" NOT NULL,
	"label" text NOT NULL,
	"status" "award_import_status" DEFAULT 'running' NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"report" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "award_transactions" (
	"transaction_key" text PRIMARY KEY NOT NULL,
	"award_key" text NOT NULL,
	"modification_number" text,
	"action_date" date,
	"federal_action_obligation" numeric(16, 2),
	"current_value" numeric(16, 2),
	"potential_value" numeric(16, 2),
	"description" text
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"award_key" text PRIMARY KEY NOT NULL,
	"piid" text NOT NULL,
	"parent_award_piid" text,
	"parent_award_agency_code" text,
	"parent_award_agency_name" text,
	"awarding_agency_id" uuid,
	"awarding_agency_name" text,
	"awarding_sub_agency_name" text,
	"awarding_office_name" text,
	"funding_agency_id" uuid,
	"funding_sub_agency_name" text,
	"funding_office_name" text,
	"recipient_name" text NOT NULL,
	"recipient_parent_name" text,
	"recipient_uei" text,
	"recipient_parent_uei" text,
	"company_id" uuid,
	"product_company_id" uuid,
	"description" text,
	"psc_code" text,
	"psc_description" text,
	"naics_code" text,
	"naics_description" text,
	"award_type" text,
	"base_action_date" date,
	"latest_action_date" date,
	"period_start" date,
	"period_current_end" date,
	"period_potential_end" date,
	"total_obligated" numeric(16, 2),
	"current_value" numeric(16, 2),
	"potential_value" numeric(16, 2),
	"obligation_basis" "obligation_basis" DEFAULT 'award_total' NOT NULL,
	"fiscal_year" integer,
	"permalink" text,
	"as_of" date NOT NULL,
	"source_id" uuid,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citations" (
	"fact_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"role" "citation_role" DEFAULT 'supports' NOT NULL,
	"locator" text,
	CONSTRAINT "citations_fact_id_source_id_role_pk" PRIMARY KEY("fact_id","source_id","role")
);
--> statement-breakpoint
CREATE TABLE "dataset_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"company_id" uuid,
	"agency_id" uuid,
	"program" text,
	"headline" text NOT NULL,
	"headline_es" text,
	"amount" numeric(18, 2),
	"currency" "currency" DEFAULT 'USD' NOT NULL,
	"amount_kind" "amount_kind",
	"amount_as_of" date,
	"event_date" date,
	"event_date_precision" date_precision DEFAULT 'day' NOT NULL,
	"award_key" text,
	"status" "fact_status" NOT NULL,
	"claim_ref" text,
	"claimed" text,
	"correction" text,
	"correction_es" text,
	"weight" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facts_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" "source_kind" NOT NULL,
	"title" text NOT NULL,
	"publisher" text,
	"author" text,
	"published_on" date,
	"url" text,
	"archive_url" text,
	"licence" text,
	"reliability" "source_reliability" DEFAULT 'secondary' NOT NULL,
	"accessed_on" date,
	"note" text,
	CONSTRAINT "sources_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "summary_es" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "company_aliases" ADD CONSTRAINT "company_aliases_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_imports" ADD CONSTRAINT "award_imports_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_transactions" ADD CONSTRAINT "award_transactions_award_key_awards_award_key_fk" FOREIGN KEY ("award_key") REFERENCES "public"."awards"("award_key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_awarding_agency_id_agencies_id_fk" FOREIGN KEY ("awarding_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_funding_agency_id_agencies_id_fk" FOREIGN KEY ("funding_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_product_company_id_companies_id_fk" FOREIGN KEY ("product_company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_fact_id_facts_id_fk" FOREIGN KEY ("fact_id") REFERENCES "public"."facts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_award_key_awards_award_key_fk" FOREIGN KEY ("award_key") REFERENCES "public"."awards"("award_key") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_aliases_kind_alias_idx" ON "company_aliases" USING btree ("kind","alias");--> statement-breakpoint
CREATE INDEX "company_aliases_company_idx" ON "company_aliases" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "award_imports_started_idx" ON "award_imports" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "award_transactions_award_idx" ON "award_transactions" USING btree ("award_key");--> statement-breakpoint
CREATE INDEX "awards_updated_idx" ON "awards" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "awards_company_idx" ON "awards" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "awards_awarding_agency_idx" ON "awards" USING btree ("awarding_agency_id");--> statement-breakpoint
CREATE INDEX "awards_recipient_name_idx" ON "awards" USING btree ("recipient_name");--> statement-breakpoint
CREATE INDEX "citations_source_idx" ON "citations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "facts_company_idx" ON "facts" USING btree ("company_id");--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_parent_id_companies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companies_parent_idx" ON "companies" USING btree ("parent_id");