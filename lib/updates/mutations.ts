import "server-only";
// Writing updates: drafts, schedules, test sends, admin overrides and the victory email.
// Every query carries the campaign (and through it the group) the guard resolved.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { campaignUpdates, emailOutbox, type FrozenUpdate } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { EMAIL_PRIORITY } from "@/lib/email/outbox";
import { requestEmailDelivery } from "@/lib/email/wake";
import type { Locale } from "@/lib/i18n";
import { startSend } from "./sending";

export type CampaignRef = { id: string; groupId: string };
type Content = { subject: string; subjectEs: string; body: string; bodyEs: string; referredBy: string | null };

/** Creates a draft, or saves one (a draft or a scheduled update; anything sending is frozen). */
export async function saveUpdate(campaign: CampaignRef, updateId: string | null, content: Content, userId: string): Promise<string | null> {
  const db = await getDb();
  const values = {
    subject: content.subject, subjectEs: content.subjectEs, body: content.body, bodyEs: content.bodyEs,
    audience: { referredBy: content.referredBy },
  };
  if (!updateId) {
    const [row] = await db
      .insert(campaignUpdates)
      .values({ ...values, campaignId: campaign.id, groupId: campaign.groupId, createdBy: userId })
      .returning({ id: campaignUpdates.id });
    return row.id;
  }
  const [row] = await db
    .update(campaignUpdates)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(campaignUpdates.id, updateId), eq(campaignUpdates.campaignId, campaign.id), inArray(campaignUpdates.state, ["draft", "scheduled"])))
    .returning({ id: campaignUpdates.id });
  return row?.id ?? null;
}

export async function scheduleUpdate(campaign: CampaignRef, updateId: string, at: Date, userId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(campaignUpdates)
      .set({ state: "scheduled", scheduledAt: at, updatedAt: new Date() })
      .where(and(eq(campaignUpdates.id, updateId), eq(campaignUpdates.campaignId, campaign.id), inArray(campaignUpdates.state, ["draft", "scheduled"])))
      .returning({ id: campaignUpdates.id });
    if (rows.length === 0) return false;
    await recordAudit({ actorUserId: userId, action: "update.schedule", groupId: campaign.groupId, campaignId: campaign.id, detail: { updateId, at: at.toISOString() } }, tx);
    return true;
  });
}

/** Sends now: checks the update belongs to the campaign, then starts it (weekly limit, freeze, queue). */
export async function sendUpdateNow(campaign: CampaignRef, updateId: string, userId: string) {
  const [row] = await queryRows(await getDb(), sql`select 1 from campaign_updates where id = ${updateId} and campaign_id = ${campaign.id}`);
  if (!row) return "gone" as const;
  return startSend(updateId, userId);
}

/** An admin lets one more send through this week's limit. */
export async function overrideWeeklyLimit(campaignId: string, updateId: string, adminUserId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ group_id: string }>(
      tx,
      sql`update campaign_updates set limit_overridden_at = now() where id = ${updateId} and campaign_id = ${campaignId}
          and state in ('draft', 'scheduled') returning group_id`,
    );
    if (!row) return false;
    await recordAudit({ actorUserId: adminUserId, action: "update.limit_override", groupId: row.group_id, campaignId, detail: { updateId } }, tx);
    return true;
  });
}

/** The update as it would be sent now (for a test send and the preview). */
export async function currentContent(campaignId: string, updateId: string): Promise<FrozenUpdate | null> {
  const [row] = await queryRows<{ frozen: FrozenUpdate }>(
    await getDb(),
    sql`select coalesce(u.frozen, jsonb_build_object(
              'subject', jsonb_build_object('en', u.subject, 'es', u.subject_es),
              'body', jsonb_build_object('en', u.body, 'es', u.body_es),
              'campaignTitle', jsonb_build_object('en', c.title, 'es', coalesce(c.title_es, c.title)),
              'campaignSlug', c.slug, 'groupName', g.name, 'postalAddress', coalesce(g.postal_address, ''))) as frozen
        from campaign_updates u join campaigns c on c.id = u.campaign_id join groups g on g.id = c.group_id
        where u.id = ${updateId} and u.campaign_id = ${campaignId}`,
  );
  return row?.frozen ?? null;
}

/** Queues the update, both languages, to the organizer's own address through the outbox (transactional, so it comes at once). */
export async function sendTestToSelf(campaignId: string, updateId: string, toAddress: string): Promise<boolean> {
  const frozen = await currentContent(campaignId, updateId);
  if (!frozen) return false;
  const db = await getDb();
  await db.insert(emailOutbox).values(
    (["en", "es"] as Locale[]).map((locale) => ({
      kind: "campaign_update" as const,
      priority: EMAIL_PRIORITY.transactional,
      toAddress,
      locale,
      data: { test: true, frozen },
    })),
  );
  requestEmailDelivery();
  return true;
}

const victoryCopy = {
  subject: { en: (t: string) => `We won: ${t}`, es: (t: string) => `¡Ganamos!: ${t}` },
  body: {
    en: "We won. Thank you for signing and for everything you did to get here.",
    es: "Ganamos. Gracias por firmar y por todo lo que hiciste para llegar hasta aquí.",
  },
};

/**
 * The victory email, for "declare victory": an update to every confirmed signer who
 * opted in, with the campaign's victory note, sent at once (not held by the weekly
 * limit). Idempotent: a campaign gets one victory update. Returns its id and recipients.
 */
export async function queueVictoryUpdate(campaignId: string, actorUserId: string | null = null): Promise<{ updateId: string; recipients: number } | null> {
  const db = await getDb();
  const [campaign] = await queryRows<{ group_id: string; title: string; title_es: string | null; victory_note: string | null; victory_note_es: string | null }>(
    db,
    sql`select group_id, title, title_es, victory_note, victory_note_es from campaigns where id = ${campaignId}`,
  );
  if (!campaign) return null;
  const [existing] = await queryRows<{ id: string; recipient_count: number }>(
    db,
    sql`select id, recipient_count from campaign_updates where campaign_id = ${campaignId} and kind = 'victory' limit 1`,
  );
  if (existing) return { updateId: existing.id, recipients: existing.recipient_count };
  const [created] = await db
    .insert(campaignUpdates)
    .values({
      campaignId,
      groupId: campaign.group_id,
      kind: "victory",
      subject: victoryCopy.subject.en(campaign.title),
      subjectEs: victoryCopy.subject.es(campaign.title_es || campaign.title),
      body: campaign.victory_note || victoryCopy.body.en,
      bodyEs: campaign.victory_note_es || campaign.victory_note || victoryCopy.body.es,
      createdBy: actorUserId,
      limitOverridden: new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: campaignUpdates.id });
  // Declared twice at once: the other call queued it.
  if (!created) return queueVictoryUpdate(campaignId, actorUserId);
  const result = await startSend(created.id, actorUserId);
  return { updateId: created.id, recipients: typeof result === "number" ? result : 0 };
}
