// Campaigns and the companies they target. A campaign carries an optional
// Spanish version of its title, ask and story; pages fall back to English.
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { companies } from "./companies";

export const campaignKind = pgEnum("campaign_kind", ["petition", "pledge"]);
export const campaignStatus = pgEnum("campaign_status", ["draft", "live", "closed", "won"]);

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    kind: campaignKind("kind").notNull().default("petition"),
    status: campaignStatus("status").notNull().default("draft"),
    title: text("title").notNull(),
    ask: text("ask").notNull(),
    story: text("story").notNull(),
    titleEs: text("title_es"),
    askEs: text("ask_es"),
    storyEs: text("story_es"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    // When the campaign stopped collecting (closed or won). A trigger keeps it in step with
    // status (migration 0004), so every writer gets it right; confirmations after
    // CONFIRM_GRACE_AFTER_CLOSE past it no longer count.
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("campaigns_status_idx").on(t.status, t.publishedAt)],
);

export const campaignTargets = pgTable(
  "campaign_targets",
  {
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    companyId: uuid("company_id").notNull().references(() => companies.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.companyId] })],
);

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
