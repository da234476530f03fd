// The email outbox: every message is a row written in the same statement (or
// transaction) as the change that causes it. The table is the queue: a worker, woken
// by a pg-boss job, claims due rows in batches (transactional before bulk), sends each
// batch in one request to the provider and records each message's outcome. In
// mail-capture mode the rows are the mailbox shown at /dev/mailbox.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { locale, signatures } from "./signatures";

export const emailKind = pgEnum("email_kind", ["signature_confirmation", "already_signed", "data_deletion", "sign_in", "group_invite", "campaign_update"]);
// queued: waiting (or waiting for a retry); sending: a worker holds it (until next_attempt_at);
// sent: the provider accepted it; failed: given up, with the provider's error in last_error.
export const emailStatus = pgEnum("email_status", ["queued", "sent", "failed", "sending"]);

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: emailKind("kind").notNull(),
    status: emailStatus("status").notNull().default("queued"),
    // Claim order: lower first. 0 transactional (confirmations, sign-in and deletion
    // links), 10 bulk (updates); see EMAIL_PRIORITY in lib/email/outbox.ts.
    priority: smallint("priority").notNull().default(0),
    signatureId: uuid("signature_id").references(() => signatures.id, { onDelete: "cascade" }),
    // A campaign update's email: its delivery row (db/schema/updates.ts), kept in step on
    // settle. No foreign key: a send queues 100,000 at once and the per-row check cost
    // 2.6 s of the enqueue; the row goes with its signature (signature_id cascades), as the delivery does.
    updateDeliveryId: uuid("update_delivery_id"),
    toAddress: text("to_address").notNull(),
    locale: locale("locale").notNull().default("en"),
    // What the template needs beyond the signature row; rendered at send time.
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    attempts: smallint("attempts").notNull().default(0),
    // When a worker may take it next: now for a new email, later after a failure, and
    // pushed ahead while a worker holds it (a lease, so a crashed worker's emails return).
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    // The provider request it belongs to, from its first claim on: a retry (or a worker
    // after a crash) resends the same messages under the same idempotency key.
    batchKey: text("batch_key"),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    // Kept only in mail-capture mode (the text part), for /dev/mailbox.
    subject: text("subject"),
    text: text("text"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("email_outbox_created_idx").on(t.createdAt),
    // Unsent rows by claim order. (Written without 'sending': a new enum value cannot be
    // used in the migration that adds it.)
    index("email_outbox_unsent_idx")
      .on(t.priority, t.nextAttemptAt)
      .where(sql`${t.status} not in ('sent', 'failed')`),
    index("email_outbox_batch_idx").on(t.batchKey).where(sql`${t.batchKey} is not null`),
    index("email_outbox_delivery_idx").on(t.updateDeliveryId).where(sql`${t.updateDeliveryId} is not null`),
  ],
);

export type OutboxEmail = typeof emailOutbox.$inferSelect;

// One row: the provider's request pace, shared by every process that sends. A sender
// reserves the next slot with one UPDATE; a 429 pushes every later slot past the
// provider's retry time.
export const emailSendPace = pgTable("email_send_pace", {
  id: smallint("id").primaryKey().default(1),
  nextSlotAt: timestamp("next_slot_at", { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }).notNull().defaultNow(),
  // Set by the first 429 of an episode, cleared by the next accepted request.
  limitedSince: timestamp("limited_since", { withTimezone: true }),
  refusedInEpisode: integer("refused_in_episode").notNull().default(0),
  refusedTotal: integer("refused_total").notNull().default(0),
});
