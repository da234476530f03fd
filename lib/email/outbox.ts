import "server-only";
// Delivers queued outbox emails in batches: claims up to 100 due rows (transactional
// before bulk), renders them, sends them in one request and records each message's
// outcome. A batch keeps its members and its idempotency key from its first claim on
// (the key is derived from their ids), and rendering is deterministic, so a retry, or
// another worker after a crash, sends the same bytes under the same key: the provider
// answers with the first result instead of mailing twice.
import { sql, type SQL } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { mailMode } from "@/lib/env";
import { logError } from "@/lib/errors";
import { compose, type ClaimedBatch, type OutboxContext } from "./compose";
import { EmailSendError, MAX_BATCH, redactAddresses, sendBatch, type BatchResult, type OutgoingEmail } from "./sender";
import { recordAccepted, recordRateLimited, reserveSendSlot } from "./pace";

/**
 * Claim order (lower first). Confirmations, already-signed notes, deletion links and
 * sign-in links are transactional (the column's default); updates to signers are bulk,
 * so a large send never holds a confirmation back by more than the batches in flight.
 */
export const EMAIL_PRIORITY = { transactional: 0, bulk: 10 } as const;

export type { ClaimedBatch } from "./compose";

/** Why a campaign update was not sent (its delivery row says suppressed). */
export const SUPPRESSED = "suppressed: the address bounced, complained or unsubscribed after the send started";

/** Attempts before an email is given up as failed (about 2 hours of retries). */
export const MAX_ATTEMPTS = 12;
/** How long a claimed batch is held; a worker that dies returns it after this (requests time out at 30 s). */
export const CLAIM_LEASE_SECONDS = 60;
/** A claimed batch whose send slot is further off than this goes back rather than outlive its lease. */
const MAX_SLOT_WAIT_MS = 40_000;

/** Seconds before attempt n + 1 after n failures: 5, 10, 20 … up to 15 minutes. */
function retryDelaySeconds(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 900);
}

// What compose() needs, joined to the rows a claim returned, in id order (the request's order).
const claimQuery = (ctes: SQL | null, claimed: SQL) =>
  sql`with ${ctes ? sql`${ctes}, ` : sql``}claimed as (${claimed})
      select o.id, o.kind, o.data, o.to_address, o.locale, o.signature_id, o.attempts, o.batch_key,
             s.full_name, c.slug, c.title, c.title_es, c.kind as campaign_kind, u.frozen,
             (o.update_delivery_id is not null and (s.updates_consent_at is null
               or exists (select 1 from suppressions x where x.email_canonical = s.email_canonical))) as suppressed
      from claimed o
      left join signatures s on s.id = o.signature_id
      left join campaigns c on c.id = s.campaign_id
      left join update_deliveries d on d.id = o.update_delivery_id
      left join campaign_updates u on u.id = d.update_id
      order by o.id`;

const claimedColumns = sql`o.id, o.kind, o.data, o.to_address, o.locale, o.signature_id, o.attempts, o.batch_key, o.update_delivery_id`;

/**
 * Claims the next batch, holding it for the lease and counting the attempt. The most
 * urgent due row decides: if it already belongs to a batch (a retry, or one a crashed
 * worker held), that whole batch is taken again as it was; otherwise a new batch of up
 * to `limit` unbatched rows is formed, in claim order, rows other workers hold skipped.
 * Messages go in id order, so a retry's request body is the same as the first.
 */
export async function claimBatch(limit = MAX_BATCH): Promise<ClaimedBatch | null> {
  const db = await getDb();
  for (let tries = 0; tries < 3; tries++) {
    const [next] = await queryRows<{ batch_key: string | null }>(
      db,
      sql`select batch_key from email_outbox
          where status not in ('sent', 'failed') and next_attempt_at <= now()
          order by priority, next_attempt_at limit 1`,
    );
    if (!next) return null;
    const rows = next.batch_key
      ? await queryRows<OutboxContext>(
          db,
          claimQuery(
            null,
            sql`update email_outbox o
              set status = 'sending', attempts = o.attempts + 1,
                  next_attempt_at = now() + make_interval(secs => ${CLAIM_LEASE_SECONDS})
              where o.batch_key = ${next.batch_key} and o.status not in ('sent', 'failed') and o.next_attempt_at <= now()
              returning ${claimedColumns}`,
          ),
        )
      : await queryRows<OutboxContext>(
          db,
          claimQuery(
            sql`picked as (
                select id from email_outbox
                where status not in ('sent', 'failed') and next_attempt_at <= now() and batch_key is null
                order by priority, next_attempt_at limit ${limit}::int
                for update skip locked
              ),
              batch as (
                select 'outbox-batch/' || encode(sha256(convert_to(string_agg(id::text, ',' order by id), 'UTF8')), 'hex') as key
                from picked
              )`,
            sql`update email_outbox o
                set status = 'sending', batch_key = batch.key, attempts = o.attempts + 1,
                    next_attempt_at = now() + make_interval(secs => ${CLAIM_LEASE_SECONDS})
                from batch
                where o.id in (select id from picked) and batch.key is not null
                returning ${claimedColumns}`,
          ),
        );
    // Empty: another worker took it between the look and the claim; look again.
    if (rows.length > 0) return { key: rows[0].batch_key, rows };
  }
  return null;
}

// "suppressed": a campaign update not sent because its address was suppressed (or its
// signer unsubscribed) after it was queued; the outbox row ends as failed, its delivery as suppressed.
type Settled = { id: string; status: "sent" | "failed" | "suppressed"; providerId: string | null; error: string | null; subject: string | null; text: string | null };

/**
 * Records every message's outcome in one statement, a campaign update's delivery row
 * with it (the same statement, so a crash never leaves the two apart).
 */
async function settle(key: string, outcomes: Settled[]): Promise<void> {
  if (outcomes.length === 0) return;
  // Bodies carry confirmation links: kept only in mail-capture mode, and only the text
  // part, which is what /dev/mailbox shows.
  const keep = mailMode === "capture";
  const values = outcomes.map(
    (m) =>
      sql`(${m.id}::uuid, ${m.status}::text, ${m.providerId}::text, ${m.error}::text,
           ${keep ? m.subject : null}::text, ${keep ? m.text : null}::text)`,
  );
  await (await getDb()).execute(
    sql`with settled as (
          update email_outbox o
          set status = (case when v.status = 'sent' then 'sent' else 'failed' end)::email_status,
              provider_id = v.provider_id, last_error = v.error,
              sent_at = case when v.status = 'sent' then now() else o.sent_at end,
              subject = v.subject, text = v.text
          from (values ${sql.join(values, sql`, `)}) as v(id, status, provider_id, error, subject, text)
          where o.id = v.id and o.batch_key = ${key} and o.status = 'sending'
          returning o.update_delivery_id, v.status, o.provider_id, o.attempts, o.last_error, o.sent_at
        )
        update update_deliveries d
        set status = s.status::update_delivery_status, provider_id = s.provider_id,
            attempts = s.attempts, last_error = s.last_error, sent_at = s.sent_at
        from settled s
        where d.id = s.update_delivery_id and d.status = 'queued'`,
  );
}

/**
 * Puts a batch back, whole, for later. `counted`: whether this was a real attempt (a
 * provider error, a timeout); a refused request (429) is not, so a long rate limit
 * cannot use up an email's retries. After its last attempt an email is given up.
 */
async function putBack(batch: ClaimedBatch, opts: { delaySeconds: number; counted: boolean; error?: string }): Promise<void> {
  await (await getDb()).execute(
    sql`with back as (
          update email_outbox
          set attempts = attempts - ${opts.counted ? 0 : 1}::int,
              last_error = coalesce(${opts.error ?? null}::text, last_error),
              next_attempt_at = now() + make_interval(secs => ${opts.delaySeconds}::float8),
              status = case when ${opts.counted}::boolean and attempts >= ${MAX_ATTEMPTS}::int
                            then 'failed'::email_status else 'queued'::email_status end
          where batch_key = ${batch.key} and status = 'sending'
          returning update_delivery_id, status, attempts, last_error
        )
        update update_deliveries d
        set status = case when b.status = 'failed' then 'failed'::update_delivery_status else d.status end,
            attempts = b.attempts, last_error = b.last_error
        from back b
        where d.id = b.update_delivery_id and d.status = 'queued'`,
  );
}

export type BatchOutcome = { claimed: number; sent: number; failed: number; rateLimited: boolean };

async function renewLease(batch: ClaimedBatch): Promise<void> {
  await (await getDb()).execute(
    sql`update email_outbox set next_attempt_at = now() + make_interval(secs => ${CLAIM_LEASE_SECONDS})
        where batch_key = ${batch.key} and status = 'sending'`,
  );
}

/** How late a request may leave for its slot; later, it takes a new slot rather than crowd the next. */
const SLOT_TOLERANCE_MS = 40;

/**
 * Waits for a slot of the shared pace, reserved once the request is ready to leave (so
 * rendering time never makes it late). Returns false when the slot is further off than
 * a claim's lease would last (a long 429 block): the caller hands the batch back.
 */
async function waitForSlot(batch: ClaimedBatch): Promise<boolean> {
  for (;;) {
    const sendAt = await reserveSendSlot();
    const wait = sendAt - Date.now();
    if (wait > MAX_SLOT_WAIT_MS) {
      await putBack(batch, { delaySeconds: wait / 1000, counted: false });
      return false;
    }
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // Slow to hear back (a busy database or event loop): this slot is gone, take the next.
    if (Date.now() - sendAt > SLOT_TOLERANCE_MS) continue;
    // A long wait (behind a 429) ate into the lease: renew it for the request's time.
    if (wait > 10_000) await renewLease(batch);
    return true;
  }
}

/**
 * Sends a claimed batch, at the shared pace when `paced`, and records the outcome.
 * Never throws for the provider's answers: they are recorded on the rows.
 */
export async function sendClaimedBatch(batch: ClaimedBatch, paced = false): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { claimed: batch.rows.length, sent: 0, failed: 0, rateLimited: false };
  // An update whose address was suppressed (a bounce, a complaint, "no more mail") or
  // whose signer unsubscribed since it was queued is not sent.
  const skipped: Settled[] = batch.rows
    .filter((row) => row.suppressed)
    .map((row) => ({ id: row.id, status: "suppressed", providerId: null, error: SUPPRESSED, subject: null, text: null }));
  const composed = await Promise.all(
    batch.rows.filter((row) => !row.suppressed).map(async (row) => {
      try {
        return { row, email: { to: row.to_address, ...(await compose(row)) } };
      } catch (error) {
        return { row, error: redactAddresses(error instanceof Error ? error.message : String(error)) };
      }
    }),
  );
  const unsendable: Settled[] = composed
    .filter((c) => c.error !== undefined)
    .map((c): Settled => ({ id: c.row.id, status: "failed", providerId: null, error: c.error!, subject: null, text: null }))
    .concat(skipped);
  const ready = composed.filter((c): c is { row: OutboxContext; email: OutgoingEmail } => c.email !== undefined);
  outcome.failed += unsendable.length - skipped.length;
  if (ready.length === 0) {
    await settle(batch.key, unsendable);
    return outcome;
  }
  if (paced && !(await waitForSlot(batch))) return { ...outcome, failed: 0 };

  let results: BatchResult;
  try {
    results = await sendBatch(ready.map((c) => c.email), batch.key);
  } catch (error) {
    const status = error instanceof EmailSendError ? error.statusCode : null;
    const code = error instanceof EmailSendError ? error.code : null;
    if (status === 429) {
      const seconds = (error as EmailSendError).retryAfterSeconds ?? 1;
      if (await recordRateLimited(seconds)) {
        console.error(`[email-send] the provider is refusing requests (429); every sender waits ${seconds} s and retries (logged once until it accepts again)`);
      }
      await putBack(batch, { delaySeconds: seconds, counted: false });
      return { ...outcome, failed: 0, rateLimited: true };
    }
    if (status === 409 && code === "concurrent_idempotent_requests") {
      // The same batch is in flight from another worker (a lease ran out): ask again shortly.
      await putBack(batch, { delaySeconds: 2, counted: false });
      return { ...outcome, failed: 0 };
    }
    if (status === 409 && code === "invalid_idempotent_request") {
      // The provider already accepted a request under this key (sent before a crash, or
      // a template changed since): those emails went out; sending again would duplicate.
      const note = "accepted earlier under this batch's idempotency key (409 on retry)";
      await settle(batch.key, [
        ...unsendable,
        ...ready.map((c) => ({ id: c.row.id, status: "sent" as const, providerId: null, error: note, subject: c.email.subject, text: c.email.text })),
      ]);
      return { ...outcome, sent: ready.length };
    }
    logError("email-send", error);
    const attempts = Math.max(...batch.rows.map((r) => r.attempts));
    await putBack(batch, { delaySeconds: retryDelaySeconds(attempts), counted: true, error: errorText(error) });
    return { ...outcome, failed: outcome.failed + ready.length };
  }

  const settled: Settled[] = ready.map((c, i) => {
    const result = results[i];
    return result.ok
      ? { id: c.row.id, status: "sent", providerId: result.providerId, error: null, subject: c.email.subject, text: c.email.text }
      : { id: c.row.id, status: "failed", providerId: null, error: result.error, subject: null, text: null };
  });
  await settle(batch.key, [...unsendable, ...settled]);
  outcome.sent = settled.filter((s) => s.status === "sent").length;
  outcome.failed += settled.length - outcome.sent;
  if (mailMode === "resend") {
    const refused = await recordAccepted();
    if (refused !== null) console.log(`[email-send] the provider accepts requests again (${refused} refused in that episode)`);
  }
  return outcome;
}

// Provider errors are built in sender.ts from the status, name and a redacted message.
function errorText(error: unknown): string {
  return redactAddresses(error instanceof Error ? error.message : String(error));
}

/** Claims and sends one batch at the shared pace; null when nothing is due. */
export async function deliverNextBatch(): Promise<BatchOutcome | null> {
  const batch = await claimBatch();
  if (!batch) return null;
  return sendClaimedBatch(batch, mailMode === "resend");
}

/** Seconds until the next unsent email is due (null when none is waiting). */
export async function nextRetryInSeconds(): Promise<number | null> {
  const [row] = await queryRows<{ s: number | null }>(
    await getDb(),
    sql`select extract(epoch from min(next_attempt_at) - now())::float8 as s from email_outbox where status not in ('sent', 'failed')`,
  );
  return row?.s === null || row?.s === undefined ? null : Math.max(0, Number(row.s));
}

export type OutboxHealth = {
  queued: number;
  sending: number;
  /** Age of the oldest transactional email not yet sent (null when none waits): the number to watch. */
  oldestUnsentTransactionalSeconds: number | null;
  oldestUnsentBulkSeconds: number | null;
};

/** Counts and ages only (no addresses): for the health endpoint and the minute log line. */
export async function outboxHealth(): Promise<OutboxHealth> {
  const [row] = await queryRows<{ queued: number; sending: number; tx: number | null; bulk: number | null }>(
    await getDb(),
    sql`select count(*) filter (where status = 'queued')::int as queued,
               count(*) filter (where status = 'sending')::int as sending,
               extract(epoch from now() - min(created_at) filter (where priority < ${EMAIL_PRIORITY.bulk}))::float8 as tx,
               extract(epoch from now() - min(created_at) filter (where priority >= ${EMAIL_PRIORITY.bulk}))::float8 as bulk
        from email_outbox where status not in ('sent', 'failed')`,
  );
  const age = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.max(0, Math.round(Number(s) * 10) / 10));
  return { queued: Number(row?.queued ?? 0), sending: Number(row?.sending ?? 0), oldestUnsentTransactionalSeconds: age(row?.tx), oldestUnsentBulkSeconds: age(row?.bulk) };
}

/** Mail-capture mode's mailbox: the newest emails first. */
export async function listCapturedEmails(limit = 50) {
  const db = await getDb();
  return db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      text: emailOutbox.text,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .orderBy(sql`${emailOutbox.createdAt} desc`)
    .limit(limit);
}
