// What admins control: the signing limits and allow/block lists (one row, read by the
// signing path through a short cache; empty means the env defaults), and bulk
// invalidations of signatures (run as a pg-boss job, cancellable).
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaigns } from "./campaigns";

export const moderationSettings = pgTable(
  "moderation_settings",
  {
    id: smallint("id").primaryKey().default(1),
    // { perIp?, perIpBurst?, perIpSustained?, perEmail? }: each { max, seconds }; a missing one is env's.
    limits: jsonb("limits").$type<Record<string, { max: number; seconds: number }>>().notNull().default({}),
    // { allowedIps, blockedIps (CIDR), allowedDomains, blockedDomains, blockedEmails (canonical) }.
    lists: jsonb("lists").$type<Record<string, string[]>>().notNull().default({}),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [check("moderation_settings_one_row", sql`${t.id} = 1`)],
);

export const invalidationStatus = pgEnum("invalidation_status", ["draft", "running", "completed", "cancelled", "failed"]);

export const signatureInvalidations = pgTable(
  "signature_invalidations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reason: text("reason").notNull(),
    // Conditions, all of which a signature must meet (at least one besides the campaign).
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "cascade" }),
    ipHash: text("ip_hash"),
    emailDomain: text("email_domain"),
    emailCanonical: text("email_canonical"),
    createdAfter: timestamp("created_after", { withTimezone: true }),
    createdBefore: timestamp("created_before", { withTimezone: true }),
    status: invalidationStatus("status").notNull().default("draft"),
    matched: integer("matched").notNull().default(0),
    invalidated: integer("invalidated").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("signature_invalidations_created_idx").on(t.createdAt)],
);

export type SignatureInvalidation = typeof signatureInvalidations.$inferSelect;
