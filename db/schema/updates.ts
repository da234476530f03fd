// Updates organizers email to a campaign's signers. An update is written in English and
// Spanish; when its send starts the content is frozen, one delivery row per recipient is
// written, and each delivery is queued as a bulk email in the one outbox (email.ts),
// which sends it at the shared pace behind transactional mail.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaigns } from "./campaigns";
import { groups } from "./groups";
import { locale, signatures } from "./signatures";

// draft → scheduled → sending → sent; sending ⇄ paused; draft|scheduled|sending|paused → cancelled.
export const updateState = pgEnum("update_state", ["draft", "scheduled", "sending", "paused", "cancelled", "sent"]);
// queued: in the outbox; sent: the provider accepted it; failed: given up; bounced and
// complained: the provider's webhook said so afterwards; suppressed: not sent, because
// the address was suppressed or the signer unsubscribed after the send started;
// cancelled: the send was cancelled before this one left.
export const deliveryStatus = pgEnum("update_delivery_status", [
  "queued", "sent", "failed", "bounced", "complained", "suppressed", "cancelled",
]);
export const suppressionReason = pgEnum("suppression_reason", ["bounce", "complaint", "unsubscribe-all"]);

/** What a send uses, copied when it starts: later edits (of the update, the group's address) change nothing sent. */
export type FrozenUpdate = {
  subject: { en: string; es: string };
  body: { en: string; es: string };
  campaignTitle: { en: string; es: string };
  campaignSlug: string;
  groupName: string;
  postalAddress: string;
};

/** Who an update goes to, beyond "confirmed and opted in": an optional referral source. */
export type UpdateAudience = { referredBy?: string | null };

export const campaignUpdates = pgTable(
  "campaign_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    kind: text("kind").notNull().default("update"), // 'update' | 'victory'
    state: updateState("state").notNull().default("draft"),
    subject: text("subject").notNull(),
    subjectEs: text("subject_es").notNull(),
    body: text("body").notNull(),
    bodyEs: text("body_es").notNull(),
    audience: jsonb("audience").$type<UpdateAudience>().notNull().default({}),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    frozen: jsonb("frozen").$type<FrozenUpdate>(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    // Set when the send starts: how many deliveries were queued.
    recipientCount: integer("recipient_count").notNull().default(0),
    // Whether an admin allowed this send past the weekly limit.
    limitOverridden: timestamp("limit_overridden_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("campaign_updates_campaign_idx").on(t.campaignId, t.createdAt),
    // One victory email per campaign, however often victory is declared.
    uniqueIndex("campaign_updates_victory_uq").on(t.campaignId).where(sql`${t.kind} = 'victory'`),
    index("campaign_updates_due_idx").on(t.scheduledAt).where(sql`${t.state} = 'scheduled'`),
  ],
);

export const updateDeliveries = pgTable(
  "update_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // No foreign key to campaign_updates: 100,000 per-row checks of one parent row cost
    // 1.4 s of a send's enqueue. Updates are never deleted alone (cancelling is a state);
    // deliveries go with their signatures, which go with their campaign.
    updateId: uuid("update_id").notNull(),
    signatureId: uuid("signature_id").notNull().references(() => signatures.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    locale: locale("locale").notNull().default("en"),
    status: deliveryStatus("status").notNull().default("queued"),
    attempts: smallint("attempts").notNull().default(0),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // Whether its email is in the outbox yet. Starting a send writes only the deliveries
    // (one INSERT of 100,000 rows, not two); workers move them into the outbox a thousand
    // at a time while the update is sending (lib/updates/sending.ts feedOutbox).
    inOutbox: boolean("in_outbox").notNull().default(false),
    // Set by the one-click or footer unsubscribe that came from this update's email.
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
  },
  (t) => [
    unique("update_deliveries_update_signature_uq").on(t.updateId, t.signatureId),
    index("update_deliveries_provider_idx").on(t.providerId).where(sql`${t.providerId} is not null`),
    index("update_deliveries_signature_idx").on(t.signatureId),
    // What is left to send, per update: finishing a send and its progress read this.
    index("update_deliveries_queued_idx").on(t.updateId).where(sql`${t.status} = 'queued'`),
    index("update_deliveries_unfed_idx").on(t.updateId).where(sql`${t.status} = 'queued' and not ${t.inOutbox}`),
  ],
);

// Addresses no update is sent to: hard bounces and complaints (from the provider's
// webhook) and signers who asked for no more mail at all. Keyed by the canonical address.
export const suppressions = pgTable("suppressions", {
  emailCanonical: text("email_canonical").primaryKey(),
  reason: suppressionReason("reason").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// The provider's webhook messages already handled, by their svix-id: a replay changes nothing.
export const webhookEvents = pgTable("webhook_events", {
  id: text("id").primaryKey(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

export type CampaignUpdate = typeof campaignUpdates.$inferSelect;
export type UpdateState = (typeof updateState.enumValues)[number];
