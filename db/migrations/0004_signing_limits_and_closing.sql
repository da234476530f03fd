ALTER TABLE "campaigns" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "deletion_emails_queued" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "flagged_reason" text;--> statement-breakpoint
CREATE INDEX "signatures_flagged_idx" ON "signatures" USING btree ("campaign_id","created_at") WHERE "signatures"."flagged_reason" is not null;--> statement-breakpoint
-- When a campaign stopped collecting is not known for those closed before this column:
-- take its last confirmation (or its publication), so no new grace period opens.
UPDATE "campaigns" c SET "closed_at" = coalesce(
  (SELECT max(s."validated_at") FROM "signatures" s WHERE s."campaign_id" = c."id"), c."published_at", c."created_at")
WHERE c."status" IN ('closed', 'won') AND c."closed_at" IS NULL;--> statement-breakpoint
-- closed_at follows status for every writer (seed, organizer tools, psql): set when a
-- campaign becomes closed or won, kept from closed to won, cleared when it is live again.
CREATE FUNCTION "campaigns_track_closed_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('closed', 'won') THEN
    IF TG_OP = 'INSERT' OR OLD.status NOT IN ('closed', 'won') THEN
      NEW.closed_at := coalesce(NEW.closed_at, now());
    END IF;
  ELSE
    NEW.closed_at := NULL;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "campaigns_closed_at" BEFORE INSERT OR UPDATE OF "status" ON "campaigns"
  FOR EACH ROW EXECUTE FUNCTION "campaigns_track_closed_at"();
