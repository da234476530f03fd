// What organizers and admins did: sign-ins, exports, removals, invalidations, state and
// member changes, sends. Written by lib/audit.ts in the same transaction as the change.
// Holds ids and counts, never a signer's address.
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { groups } from "./groups";
import { campaigns } from "./campaigns";

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    // A dotted name: "campaign.submitted", "signers.exported", "member.removed", …
    action: text("action").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_log_group_idx").on(t.groupId, t.at), index("audit_log_campaign_idx").on(t.campaignId, t.at)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
