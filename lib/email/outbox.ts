import "server-only";
// Delivers one queued outbox email: renders its template, sends it, and records
// the result. Called by the pg-boss worker, which retries on any thrown error;
// sending is idempotent (the outbox id is Resend's idempotency key, and a row
// already sent is skipped), so a retry never mails twice.
import { eq, sql } from "drizzle-orm";
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
import { sendEmail } from "./sender";

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
      text: [...perMessage.text],
      url: [...perMessage.url, "confirmUrl"],
    });
    return { subject: confirmationSubject(props), ...body };
  }
  const body = await renderFromTemplate(AlreadySigned, common, { text: [...perMessage.text], url: [...perMessage.url] });
  return { subject: alreadySignedSubject(common), ...body };
}

export async function deliverOutboxEmail(outboxId: string): Promise<"sent" | "skipped"> {
  const db = await getDb();
  const [row] = await queryRows<OutboxContext>(
    db,
    sql`select o.id, o.kind, o.data, o.status, o.to_address, o.locale, o.signature_id,
               s.full_name, c.slug, c.title, c.title_es
        from email_outbox o
        left join signatures s on s.id = o.signature_id
        left join campaigns c on c.id = s.campaign_id
        where o.id = ${outboxId}`,
  );
  if (!row || row.status === "sent") return "skipped";
  try {
    const message = await compose(row);
    const providerId = await sendEmail({ to: row.to_address, ...message, idempotencyKey: `outbox-${row.id}` });
    await db
      .update(emailOutbox)
      .set({
        status: "sent",
        sentAt: new Date(),
        providerId,
        attempts: sql`${emailOutbox.attempts} + 1`,
        lastError: null,
        // Bodies carry confirmation links: kept only in mail-capture mode, and only the
        // text part, which is what /dev/mailbox shows.
        ...(mailMode === "capture" ? { subject: message.subject, text: message.text } : {}),
      })
      .where(eq(emailOutbox.id, row.id));
    return "sent";
  } catch (error) {
    await db
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: (error as Error).message.slice(0, 500) })
      .where(eq(emailOutbox.id, row.id));
    throw error;
  }
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
