import "server-only";
// What each queued email says: the row's template rendered in the signer's language,
// with the links it carries. Deterministic, so a retried batch sends the same bytes.
import { appUrl } from "@/lib/env";
import { isLocale, localePath, type Locale } from "@/lib/i18n";
import { confirmationToken } from "@/lib/signatures/tokens";
import { publicName } from "@/lib/signatures/public-name";
import { renderFromTemplate } from "@/emails/render";
import SignatureConfirmation, { subject as confirmationSubject } from "@/emails/signature-confirmation";
import AlreadySigned, { subject as alreadySignedSubject } from "@/emails/already-signed";
import DataDeletion, { subject as dataDeletionSubject } from "@/emails/data-deletion";
import { deletionToken } from "@/lib/privacy/mutations";
import SignIn, { subject as signInSubject } from "@/emails/sign-in";
import { SIGN_IN_TTL_MINUTES, signInCode, signInLinkToken } from "@/lib/auth/sign-in-tokens";
import type { OutgoingEmail } from "./sender";

export type OutboxContext = {
  id: string;
  kind: "signature_confirmation" | "already_signed" | "data_deletion" | "sign_in" | "group_invite";
  data: { requestId?: string; inviteId?: string; groupName?: string };
  to_address: string;
  locale: string;
  signature_id: string | null;
  attempts: number;
  batch_key: string;
  full_name: string | null;
  slug: string | null;
  title: string | null;
  title_es: string | null;
};

export type ClaimedBatch = { key: string; rows: OutboxContext[] };

export function absoluteUrl(locale: Locale, path: string): string {
  return `${appUrl}${localePath(locale, path)}`;
}

export async function compose(row: OutboxContext): Promise<Omit<OutgoingEmail, "to">> {
  const locale: Locale = isLocale(row.locale) ? row.locale : "en";
  if (row.kind === "data_deletion") {
    const props = { locale, deleteUrl: absoluteUrl(locale, `/privacy/delete/${deletionToken(row.data.requestId!)}`) };
    return { subject: dataDeletionSubject(props), ...(await renderFromTemplate(DataDeletion, props, { url: ["deleteUrl"] })) };
  }
  if (row.kind === "sign_in") {
    const props = {
      locale,
      minutes: SIGN_IN_TTL_MINUTES,
      code: signInCode(row.data.requestId!),
      signInUrl: absoluteUrl(locale, `/sign-in/link/${signInLinkToken(row.data.requestId!)}`),
    };
    return { subject: signInSubject(props), ...(await renderFromTemplate(SignIn, props, { text: ["code"], url: ["signInUrl"] })) };
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
