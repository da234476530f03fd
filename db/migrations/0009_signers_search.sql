CREATE INDEX "signatures_campaign_created_idx" ON "signatures" USING btree ("campaign_id","created_at","id");--> statement-breakpoint
CREATE INDEX "signatures_campaign_email_prefix_idx" ON "signatures" USING btree ("campaign_id",lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "signatures_name_words_idx" ON "signatures" USING gin (to_tsvector('simple', "full_name"));--> statement-breakpoint
CREATE INDEX "signatures_campaign_unconfirmed_idx" ON "signatures" USING btree ("campaign_id","status") WHERE "signatures"."status" <> 'validated';