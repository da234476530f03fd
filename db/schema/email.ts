// The email outbox: every message is a row written in the same statement (or
// transaction) as the change that causes it. The table is the queue: a worker, woken
// by a pg-boss job, claims due rows, sends them and retries failures with backoff. In
// mail-capture mode the rows are the mailbox shown at /dev/mailbox.
import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { locale, signatures } from "./signatures";

export const emailKind = pgEnum("email_kind", ["signature_confirmation", "already_signed", "data_deletion"]);
export const emailStatus = pgEnum("email_status", ["queued", "sent", "failed"]);

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: emailKind("kind").notNull(),
    status: emailStatus("status").notNull().default("queued"),
    signatureId: uuid("signature_id").references(() => signatures.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    locale: locale("locale").notNull().default("en"),
    // What the template needs beyond the signature row; rendered at send time.
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    attempts: smallint("attempts").notNull().default(0),
    // When a worker may take it next: now for a new email, later after a failure, and
    // pushed ahead while a worker holds it (a lease, so a crashed worker's emails return).
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
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
    index("email_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
  ],
);

export type OutboxEmail = typeof emailOutbox.$inferSelect;
