// Signatures, pending until their email link is confirmed (e-petitions' model),
// and the sharded counters that keep the public count without a hot row.
import { sql } from "drizzle-orm";
import {
  boolean, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, unique, uuid,
} from "drizzle-orm/pg-core";
import { foldedSql } from "../name-fold";
import { campaigns } from "./campaigns";

export const signatureStatus = pgEnum("signature_status", ["pending", "validated", "invalidated", "fraudulent"]);
export const locale = pgEnum("locale", ["en", "es"]);

export const signatures = pgTable(
  "signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    status: signatureStatus("status").notNull().default("pending"),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    emailCanonical: text("email_canonical").notNull(),
    postalCode: text("postal_code"),
    showName: boolean("show_name").notNull().default(false),
    // Consent to updates is stored with the exact words shown and when.
    updatesConsentText: text("updates_consent_text"),
    updatesConsentAt: timestamp("updates_consent_at", { withTimezone: true }),
    comment: text("comment"),
    locale: locale("locale").notNull().default("en"),
    // Keyed hash of the signer's IP (never the address itself).
    ipHash: text("ip_hash"),
    // The signer's own code for share links, and the code they arrived through.
    referralCode: text("referral_code").notNull().unique(),
    referredBy: text("referred_by"),
    // sha256 of the current confirmation token; the token itself is derived, never stored.
    tokenHash: text("token_hash"),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }),
    emailsQueued: smallint("emails_queued").notNull().default(0),
    lastEmailQueuedAt: timestamp("last_email_queued_at", { withTimezone: true }),
    // Deletion-request emails to this signature's address: capped for its lifetime, like confirmations.
    deletionEmailsQueued: smallint("deletion_emails_queued").notNull().default(0),
    // Why the submission looked suspect (e.g. 'ip_soft_limit': over the per-IP soft limit).
    // Still accepted and counted once confirmed; kept for the moderation that reviews them.
    flaggedReason: text("flagged_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    validatedAt: timestamp("validated_at", { withTimezone: true }),
  },
  (t) => [
    unique("signatures_campaign_email_uq").on(t.campaignId, t.emailCanonical),
    index("signatures_token_hash_idx").on(t.tokenHash),
    index("signatures_recent_public_idx")
      .on(t.campaignId, t.validatedAt)
      .where(sql`${t.status} = 'validated' and ${t.showName}`),
    // The thank-you page's "You're #N": confirmed signatures of a campaign before this one.
    index("signatures_validated_order_idx")
      .on(t.campaignId, t.validatedAt)
      .where(sql`${t.status} = 'validated'`),
    index("signatures_pending_created_idx").on(t.createdAt).where(sql`${t.status} = 'pending'`),
    index("signatures_flagged_idx").on(t.campaignId, t.createdAt).where(sql`${t.flaggedReason} is not null`),
    // The organizer's signers table (lib/signers/): keyset pages newest first; search by
    // the start of any word of the name (full-text, 'simple': no extension needed, so
    // PGlite has it too) or of the email address; the unconfirmed count beside the
    // confirmed one that the count shards already keep.
    index("signatures_campaign_created_idx").on(t.campaignId, t.createdAt, t.id),
    index("signatures_campaign_email_prefix_idx").on(t.campaignId, sql`lower(${t.email}) text_pattern_ops`),
    // The words of the name, accents folded (db/name-fold.ts): "perez" finds "Pérez".
    index("signatures_name_folded_words_idx").using("gin", sql`to_tsvector('simple', ${foldedSql(t.fullName)})`),
    index("signatures_campaign_unconfirmed_idx").on(t.campaignId, t.status).where(sql`${t.status} <> 'validated'`),
    // Moderation: the trending report and time-window invalidations read the last hour;
    // search and invalidation by IP read one hash.
    index("signatures_created_idx").on(t.createdAt),
    index("signatures_ip_hash_idx").on(t.ipHash),
  ],
);

// Confirmations add 1 to one of SHARD_COUNT rows chosen at random, so a burst on one
// campaign spreads its writes; the count is the sum of the shards.
export const signatureCountShards = pgTable(
  "signature_count_shards",
  {
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    shard: smallint("shard").notNull(),
    confirmed: integer("confirmed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.shard] })],
);

export type Signature = typeof signatures.$inferSelect;
