import "server-only";
// An update's send: starting it (freezing the content and queueing one delivery per
// recipient in one statement), pausing, resuming, cancelling, and marking it sent when
// nothing is left to send. The outbox (lib/email/outbox.ts) does the sending.
import { sql, type SQL } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import type { DbOrTx, Tx } from "@/db/types";
import type { FrozenUpdate, UpdateAudience } from "@/db/schema";
import { EMAIL_PRIORITY } from "@/lib/email/outbox";
import { requestEmailDelivery } from "@/lib/email/wake";
import { recordAudit } from "@/lib/audit";

/** Sends per campaign in any 7 days, unless an admin allows more (ControlShift's default). */
export const WEEKLY_SEND_LIMIT = 3;

/** Confirmed signers who opted in, minus suppressed addresses, narrowed by the audience's filters. */
function recipientsQuery(campaignId: string, audience: UpdateAudience): SQL {
  const referredBy = audience.referredBy || null;
  return sql`select s.id, s.email, s.locale from signatures s
    where s.campaign_id = ${campaignId} and s.status = 'validated' and s.updates_consent_at is not null
      and (${referredBy}::text is null or s.referred_by = ${referredBy}::text)
      and not exists (select 1 from suppressions x where x.email_canonical = s.email_canonical)`;
}

/** How many people a send would reach now: shown before sending. */
export async function audienceCount(campaignId: string, audience: UpdateAudience, db?: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db ?? (await getDb()), sql`select count(*)::int as n from (${recipientsQuery(campaignId, audience)}) r`);
  return Number(row?.n ?? 0);
}

/** Sends this campaign started in the last 7 days (cancelled before starting not counted). */
export async function sendsThisWeek(campaignId: string, db?: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db ?? (await getDb()),
    sql`select count(*)::int as n from campaign_updates
        where campaign_id = ${campaignId} and started_at > now() - interval '7 days'`,
  );
  return Number(row?.n ?? 0);
}

type Startable = { id: string; campaignId: string; audience: UpdateAudience; limitOverridden: Date | null };

/**
 * Starts a send inside the caller's transaction: locks the update (so two starts cannot
 * both queue it), checks the weekly limit, freezes the content, and writes one delivery
 * per recipient in a single INSERT … SELECT. Workers then move deliveries into the outbox
 * as bulk email, a thousand at a time (feedOutbox). Returns the count, or "limit" /
 * "gone" when it may not start.
 */
export async function startSendIn(tx: Tx, updateId: string, actorUserId: string | null): Promise<number | "limit" | "gone"> {
  const [update] = await queryRows<Startable & { state: string }>(
    tx,
    sql`select id, campaign_id as "campaignId", audience, limit_overridden_at as "limitOverridden", state
        from campaign_updates where id = ${updateId} for update`,
  );
  if (!update || (update.state !== "draft" && update.state !== "scheduled")) return "gone";
  // The update's row lock makes this the only start of this update (no ON CONFLICT
  // needed below); sends of one campaign queue one after another, so the weekly count is exact.
  await tx.execute(sql`select 1 from campaigns where id = ${update.campaignId} for update`);
  if (!update.limitOverridden && (await sendsThisWeek(update.campaignId, tx)) >= WEEKLY_SEND_LIMIT) return "limit";
  const [frozen] = await queryRows<{ frozen: FrozenUpdate; group_id: string }>(
    tx,
    sql`update campaign_updates u
        set state = 'sending', started_at = now(), updated_at = now(),
            frozen = jsonb_build_object(
              'subject', jsonb_build_object('en', u.subject, 'es', u.subject_es),
              'body', jsonb_build_object('en', u.body, 'es', u.body_es),
              'campaignTitle', jsonb_build_object('en', c.title, 'es', coalesce(c.title_es, c.title)),
              'campaignSlug', c.slug, 'groupName', g.name, 'postalAddress', coalesce(g.postal_address, ''))
        from campaigns c join groups g on g.id = c.group_id
        where u.id = ${updateId} and c.id = u.campaign_id
        returning u.frozen, u.group_id`,
  );
  const [queued] = await queryRows<{ n: number }>(
    tx,
    sql`with deliveries as (
          insert into update_deliveries (update_id, signature_id, email, locale)
          select ${updateId}, id, email, locale from (${recipientsQuery(update.campaignId, update.audience)}) r
          returning 1
        )
        select count(*)::int as n from deliveries`,
  );
  const count = Number(queued?.n ?? 0);
  await tx.execute(sql`update campaign_updates set recipient_count = ${count} where id = ${updateId}`);
  await recordAudit(
    {
      actorUserId,
      action: "update.send",
      groupId: frozen.group_id,
      campaignId: update.campaignId,
      detail: { updateId, recipients: count, audience: update.audience, limitOverridden: Boolean(update.limitOverridden) },
    },
    tx,
  );
  return count;
}

/** Starts a send in its own transaction and wakes a worker. */
export async function startSend(updateId: string, actorUserId: string | null): Promise<number | "limit" | "gone"> {
  const db = await getDb();
  const result = await db.transaction((tx) => startSendIn(tx, updateId, actorUserId));
  if (typeof result === "number") {
    await finishUpdates(); // an update with no recipients is sent at once
    requestEmailDelivery();
  }
  return result;
}

/** Starts every scheduled update that is due (the minute job). Over the weekly limit, one goes back to draft. */
export async function startDueUpdates(): Promise<number> {
  const due = await queryRows<{ id: string; created_by: string | null }>(
    await getDb(),
    sql`select id, created_by from campaign_updates where state = 'scheduled' and scheduled_at <= now() order by scheduled_at limit 20`,
  );
  let started = 0;
  for (const update of due) {
    const result = await startSend(update.id, update.created_by);
    if (result === "limit") {
      await (await getDb()).execute(sql`update campaign_updates set state = 'draft', updated_at = now() where id = ${update.id} and state = 'scheduled'`);
    } else if (typeof result === "number") started += 1;
  }
  return started;
}

/** Deliveries moved into the outbox at a time: ten batches, so claims stay short and pausing holds few. */
export const FEED_CHUNK = 1000;

/**
 * Moves the next deliveries of sending updates into the outbox as bulk emails: each
 * marked and queued in one statement, so none is queued twice or lost, however many
 * workers feed at once (rows another worker is moving are skipped). Returns how many.
 */
export async function feedOutbox(limit = FEED_CHUNK): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    await getDb(),
    sql`with next as (
          select d.id from update_deliveries d
          join campaign_updates u on u.id = d.update_id and u.state = 'sending'
          where d.status = 'queued' and not d.in_outbox
          limit ${limit}::int
          for update of d skip locked
        ),
        fed as (
          update update_deliveries d set in_outbox = true from next
          where d.id = next.id returning d.id, d.signature_id, d.email, d.locale
        ),
        queued as (
          insert into email_outbox (kind, priority, signature_id, update_delivery_id, to_address, locale)
          select 'campaign_update', ${EMAIL_PRIORITY.bulk}, signature_id, id, email, locale from fed
          returning 1
        )
        select count(*)::int as n from queued`,
  );
  return Number(row?.n ?? 0);
}

/** Marks sending updates with nothing left in the queue as sent. Cheap: a partial index finds queued deliveries. */
export async function finishUpdates(): Promise<void> {
  await (await getDb()).execute(
    sql`update campaign_updates u set state = 'sent', finished_at = now(), updated_at = now()
        where u.state = 'sending'
          and not exists (select 1 from update_deliveries d where d.update_id = u.id and d.status = 'queued')`,
  );
}

/** Holds the update: nothing more is fed to the outbox, and what is there waits (a request in flight finishes). */
export async function pauseUpdate(updateId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await queryRows(tx, sql`update campaign_updates set state = 'paused', updated_at = now() where id = ${updateId} and state = 'sending' returning id`);
    if (rows.length === 0) return false;
    await tx.execute(
      sql`update email_outbox o set next_attempt_at = 'infinity'
          from update_deliveries d
          where d.update_id = ${updateId} and o.update_delivery_id = d.id and o.status = 'queued'`,
    );
    return true;
  });
}

export async function resumeUpdate(updateId: string): Promise<boolean> {
  const db = await getDb();
  const resumed = await db.transaction(async (tx) => {
    const rows = await queryRows(tx, sql`update campaign_updates set state = 'sending', updated_at = now() where id = ${updateId} and state = 'paused' returning id`);
    if (rows.length === 0) return false;
    await tx.execute(
      sql`update email_outbox o set next_attempt_at = now()
          from update_deliveries d
          where d.update_id = ${updateId} and o.update_delivery_id = d.id and o.status = 'queued'`,
    );
    return true;
  });
  if (resumed) requestEmailDelivery();
  return resumed;
}

/**
 * Cancels a draft, a scheduled update or a send in progress: emails not yet handed to a
 * request are dropped (their deliveries say cancelled); a batch already with the
 * provider, or being retried under its key, finishes, so nothing is left half-known.
 */
export async function cancelUpdate(updateId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await queryRows(
      tx,
      sql`update campaign_updates set state = 'cancelled', updated_at = now(), finished_at = now()
          where id = ${updateId} and state in ('draft', 'scheduled', 'sending', 'paused') returning id`,
    );
    if (rows.length === 0) return false;
    await tx.execute(
      sql`with dropped as (
            delete from email_outbox o using update_deliveries d
            where d.update_id = ${updateId} and o.update_delivery_id = d.id and o.status = 'queued' and o.batch_key is null
            returning o.update_delivery_id
          )
          update update_deliveries set status = 'cancelled' where id in (select update_delivery_id from dropped)`,
    );
    await tx.execute(sql`update update_deliveries set status = 'cancelled' where update_id = ${updateId} and status = 'queued' and not in_outbox`);
    return true;
  });
}
