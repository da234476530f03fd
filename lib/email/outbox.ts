import "server-only";
// Delivers queued outbox emails: claims them, renders their templates, sends them and
// records the result; a failure is retried later with backoff. Sending is idempotent
// (the outbox id is Resend's idempotency key, and a row already sent is never claimed),
// so a retry, or a second worker after a crash, never mails twice.
import { sql, type SQL } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { appUrl, mailMode } from "@/lib/env";
import { isLocale, localePath, type Locale } from "@/lib/i18n";
import { confirmationToken } from "@/lib/signatures/tokens";
import { publicName } from "@/lib/signatures/public-name";
import { renderFromTemplate } from "@/emails/render";
import SignatureConfirmation, { subject as confirmationSubject } from "@/emails/signature-confirmation";
import AlreadySigned, { subject as alreadySignedSubject } from "@/emails/already-signed";
import DataDeletion, { subject as dataDeletionSubject } from "@/emails/data-deletion";
import { deletionToken } from "@/lib/privacy/mutations";
import { logError } from "@/lib/errors";
import { EmailSendError, sendEmail } from "./sender";

type OutboxContext = {
  id: string;
  kind: "signature_confirmation" | "already_signed" | "data_deletion";
  data: { requestId?: string };
  status: "queued" | "sent" | "failed";
  to_address: string;
  locale: string;
  signature_id: string | null;
  full_name: string | null;
  slug: string | null;
  title: string | null;
  title_es: string | null;
};

export function absoluteUrl(locale: Locale, path: string): string {
  return `${appUrl}${localePath(locale, path)}`;
}

async function compose(row: OutboxContext) {
  const locale: Locale = isLocale(row.locale) ? row.locale : "en";
  if (row.kind === "data_deletion") {
    const props = { locale, deleteUrl: absoluteUrl(locale, `/privacy/delete/${deletionToken(row.data.requestId!)}`) };
    return { subject: dataDeletionSubject(props), ...(await renderFromTemplate(DataDeletion, props, { url: ["deleteUrl"] })) };
  }
  if (!row.signature_id || !row.slug || !row.full_name) throw new Error(`outbox ${row.id}: its signature is gone`);
  const common = {
    locale,
    firstName: publicName(row.full_name).split(" ")[0],
    campaignTitle: (locale === "es" && row.title_es) || row.title || "",
    campaignUrl: absoluteUrl(locale, `/campaigns/${row.slug}`),
    deleteUrl: absoluteUrl(locale, "/privacy/delete"),
  };
  const perMessage = { text: ["firstName", "campaignTitle"], url: ["campaignUrl", "deleteUrl"] } as const;
  if (row.kind === "signature_confirmation") {
    const props = {
      ...common,
      confirmUrl: absoluteUrl(locale, `/campaigns/${row.slug}/confirm/${confirmationToken(row.signature_id)}`),
    };
    const body = await renderFromTemplate(SignatureConfirmation, props, {
      text: perMessage.text,
      url: [...perMessage.url, "confirmUrl"],
    });
    return { subject: confirmationSubject(props), ...body };
  }
  const body = await renderFromTemplate(AlreadySigned, common, perMessage);
  return { subject: alreadySignedSubject(common), ...body };
}

/** Attempts before an email is given up as failed (about 2 hours of retries). */
export const MAX_ATTEMPTS = 12;
/** How long a claimed email is held; a worker that dies returns it to the queue after this. */
const CLAIM_LEASE = "2 minutes";

/** Seconds before attempt n + 1 after n failures: 5, 10, 20 … up to 15 minutes. */
function retryDelaySeconds(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 900);
}

/**
 * Takes queued emails matching `which` (at most `limit`), holding them for the lease and
 * counting the attempt; rows another worker holds are skipped, not waited for.
 */
async function claim(which: SQL, limit: number): Promise<(OutboxContext & { attempts: number })[]> {
  return queryRows(
    await getDb(),
    sql`with claimed as (
          update email_outbox o set next_attempt_at = now() + ${CLAIM_LEASE}::interval, attempts = o.attempts + 1
          where o.id in (select id from email_outbox where status = 'queued' and ${which}
                         order by next_attempt_at limit ${limit}::int for update skip locked)
          returning o.id, o.kind, o.data, o.status, o.to_address, o.locale, o.signature_id, o.attempts
        )
        select o.*, s.full_name, c.slug, c.title, c.title_es
        from claimed o
        left join signatures s on s.id = o.signature_id
        left join campaigns c on c.id = s.campaign_id`,
  );
}

type Sent = { id: string; providerId: string; subject: string; text: string };

async function send(row: OutboxContext): Promise<Sent> {
  const message = await compose(row);
  const providerId = await sendEmail({ to: row.to_address, ...message, idempotencyKey: `outbox-${row.id}` });
  return { id: row.id, providerId, subject: message.subject, text: message.text };
}

async function markSent(sent: Sent[]): Promise<void> {
  if (sent.length === 0) return;
  // Bodies carry confirmation links: kept only in mail-capture mode, and only the text
  // part, which is what /dev/mailbox shows.
  const keep = mailMode === "capture";
  const values = sent.map(
    (m) => sql`(${m.id}::uuid, ${m.providerId}::text, ${keep ? m.subject : null}::text, ${keep ? m.text : null}::text)`,
  );
  await (await getDb()).execute(
    sql`update email_outbox o
        set status = 'sent', sent_at = now(), provider_id = v.provider_id, last_error = null,
            subject = v.subject, text = v.text
        from (values ${sql.join(values, sql`, `)}) as v(id, provider_id, subject, text)
        where o.id = v.id`,
  );
}

/**
 * A failed attempt: tried again after a backoff, or given up after MAX_ATTEMPTS. A
 * provider's 429 is not the email's fault: it comes back soon and the attempt is not
 * counted, so a long rate limit cannot use up its retries.
 */
async function markFailed(row: { id: string; attempts: number }, error: unknown): Promise<void> {
  const rateLimited = error instanceof EmailSendError && error.statusCode === 429;
  const attempts = rateLimited ? row.attempts - 1 : row.attempts;
  const delay = rateLimited ? 10 + Math.random() * 20 : retryDelaySeconds(attempts);
  await (await getDb()).execute(
    sql`update email_outbox
        set attempts = ${attempts}::int, last_error = ${errorText(error)},
            next_attempt_at = now() + make_interval(secs => ${delay}::float8),
            status = case when ${attempts}::int >= ${MAX_ATTEMPTS}::int then 'failed'::email_status else status end
        where id = ${row.id}::uuid`,
  );
}

// Provider errors are built in sender.ts from the status and error name only: no address.
function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/**
 * Sends one queued email now, whatever its schedule (tests, a manual retry): "skipped" when
 * it is already sent or given up. Throws what sending threw, after recording it. A worker
 * may hold it at the same moment; Resend's idempotency key keeps that to one email.
 */
export async function deliverOutboxEmail(outboxId: string): Promise<"sent" | "skipped"> {
  const [row] = await claim(sql`id = ${outboxId}::uuid`, 1);
  if (!row) return "skipped";
  try {
    await markSent([await send(row)]);
    return "sent";
  } catch (error) {
    await markFailed(row, error);
    throw error;
  }
}

/**
 * One round of the outbox worker: claims up to `limit` due emails, sends them side by
 * side and settles each (the successes in one statement). Returns how many it claimed.
 */
export async function deliverDueEmails(limit: number): Promise<{ claimed: number; sent: number; failed: number }> {
  const rows = await claim(sql`next_attempt_at <= now()`, limit);
  const results = await Promise.allSettled(rows.map(send));
  const sent: Sent[] = [];
  let failed = 0;
  for (const [i, result] of results.entries()) {
    if (result.status === "fulfilled") {
      sent.push(result.value);
    } else {
      failed += 1;
      logError("email-send", result.reason);
      await markFailed(rows[i], result.reason);
    }
  }
  await markSent(sent);
  return { claimed: rows.length, sent: sent.length, failed };
}

/** Seconds until the next queued email is due (null when none is queued). */
export async function nextRetryInSeconds(): Promise<number | null> {
  const [row] = await queryRows<{ s: number | null }>(
    await getDb(),
    sql`select extract(epoch from min(next_attempt_at) - now())::float8 as s from email_outbox where status = 'queued'`,
  );
  return row?.s === null || row?.s === undefined ? null : Math.max(0, Number(row.s));
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
