// Campaigns and the companies they target. A campaign carries an optional
// Spanish version of its title, ask and story; pages fall back to English.
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { companies } from "./companies";
import { users } from "./auth";
import { groups } from "./groups";

export const campaignKind = pgEnum("campaign_kind", ["petition", "pledge"]);
// draft → submitted → live → closed | won; submitted → rejected (with a reason);
// live → taken_down by an admin (with a reason code). Transitions: lib/campaigns/states.ts.
export const campaignStatus = pgEnum("campaign_status", [
  "draft", "live", "closed", "won", "submitted", "rejected", "taken_down",
]);

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "restrict" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    kind: campaignKind("kind").notNull().default("petition"),
    status: campaignStatus("status").notNull().default("draft"),
    title: text("title").notNull(),
    ask: text("ask").notNull(),
    story: text("story").notNull(),
    titleEs: text("title_es"),
    askEs: text("ask_es"),
    storyEs: text("story_es"),
    // A fixed goal; null lets it rise as it is met (lib/campaigns/goal.ts).
    goal: integer("goal"),
    shareText: text("share_text"),
    shareTextEs: text("share_text_es"),
    imageUrl: text("image_url"),
    imageAlt: text("image_alt"),
    // The deadline: past it the campaign closes by itself.
    endsAt: timestamp("ends_at", { withTimezone: true }),
    rejectionReason: text("rejection_reason"),
    takedownReason: text("takedown_reason"),
    victoryNote: text("victory_note"),
    victoryNoteEs: text("victory_note_es"),
    // Safety controls: signing frozen, every name hidden, personal data purged (counts kept).
    signingFrozenAt: timestamp("signing_frozen_at", { withTimezone: true }),
    namesHidden: boolean("names_hidden").notNull().default(false),
    personalDataPurgedAt: timestamp("personal_data_purged_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    // When the campaign stopped collecting (closed or won). A trigger keeps it in step with
    // status (migration 0004), so every writer gets it right; confirmations after
    // CONFIRM_GRACE_AFTER_CLOSE past it no longer count.
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("campaigns_status_idx").on(t.status, t.publishedAt), index("campaigns_group_idx").on(t.groupId)],
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
