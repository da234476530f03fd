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
import CampaignUpdate from "@/emails/campaign-update";
import { deletionToken } from "@/lib/privacy/mutations";
import { renderMarkdown } from "@/lib/markdown";
import { unsubscribeToken } from "@/lib/updates/tokens";
import type { FrozenUpdate } from "@/db/schema";
import SignIn, { subject as signInSubject } from "@/emails/sign-in";
import GroupInvite, { subject as groupInviteSubject } from "@/emails/group-invite";
import { INVITE_TTL_DAYS, inviteToken } from "@/lib/groups/invite-tokens";
import { SIGN_IN_TTL_MINUTES, signInCode, signInLinkToken } from "@/lib/auth/sign-in-tokens";
import type { OutgoingEmail } from "./sender";

export type OutboxContext = {
  id: string;
  kind: "signature_confirmation" | "already_signed" | "data_deletion" | "sign_in" | "group_invite" | "campaign_update";
  data: { requestId?: string; inviteId?: string; groupName?: string; role?: string; test?: boolean; frozen?: unknown };
  to_address: string;
  locale: string;
  signature_id: string | null;
  attempts: number;
  batch_key: string;
  full_name: string | null;
  slug: string | null;
  title: string | null;
  title_es: string | null;
  /** The signature's campaign's kind: a pledge's emails say "pledge" (campaigns.kind). */
  campaign_kind: "petition" | "pledge" | null;
  /** A campaign update's content, frozen when its send started. */
  frozen: FrozenUpdate | null;
  /** A campaign update whose address was suppressed, or whose signer unsubscribed, since it was queued. */
  suppressed: boolean | null;
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
  if (row.kind === "campaign_update") return composeUpdate(row, locale);
  if (row.kind === "sign_in") {
    const props = {
      locale,
      minutes: SIGN_IN_TTL_MINUTES,
      code: signInCode(row.data.requestId!),
      signInUrl: absoluteUrl(locale, `/sign-in/link/${signInLinkToken(row.data.requestId!)}`),
    };
    return { subject: signInSubject(props), ...(await renderFromTemplate(SignIn, props, { text: ["code"], url: ["signInUrl"] })) };
  }
  if (row.kind === "group_invite") {
    const props = {
      locale,
      days: INVITE_TTL_DAYS,
      role: row.data.role ?? "member",
      groupName: row.data.groupName ?? "",
      acceptUrl: absoluteUrl(locale, `/dashboard/invites/${inviteToken(row.data.inviteId!)}`),
    };
    const body = await renderFromTemplate(GroupInvite, props, { text: ["groupName"], url: ["acceptUrl"] });
    return { subject: groupInviteSubject(props), ...body };
  }
  if (!row.signature_id || !row.slug || !row.full_name) throw new Error(`outbox ${row.id}: its signature is gone`);
  const common = {
    locale,
    kind: row.campaign_kind ?? "petition",
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

async function composeUpdate(row: OutboxContext, locale: Locale): Promise<Omit<OutgoingEmail, "to">> {
  // A test send to an organizer carries its content in the row, and no signature.
  const test = row.data.test === true;
  const frozen = row.frozen ?? (test ? (row.data.frozen as FrozenUpdate) : null);
  if ((!row.signature_id && !test) || !frozen) throw new Error(`outbox ${row.id}: its update or signature is gone`);
  return renderUpdate(frozen, locale, row.signature_id);
}

/** An update as a signer receives it; with no signature (a preview, a test) its links go to a page that changes nothing. */
export async function renderUpdate(frozen: FrozenUpdate, locale: Locale, signatureId: string | null): Promise<Omit<OutgoingEmail, "to">> {
  const token = signatureId ? unsubscribeToken(signatureId) : "preview";
  const props = {
    locale,
    subject: frozen.subject[locale] || frozen.subject.en,
    bodyHtml: renderMarkdown(frozen.body[locale] || frozen.body.en),
    campaignTitle: frozen.campaignTitle[locale] || frozen.campaignTitle.en,
    campaignUrl: absoluteUrl(locale, `/campaigns/${frozen.campaignSlug}`),
    groupName: frozen.groupName,
    postalAddress: frozen.postalAddress,
    unsubscribeUrl: absoluteUrl(locale, `/unsubscribe/${token}`),
    deleteUrl: absoluteUrl(locale, "/privacy/delete"),
  };
  const body = await renderFromTemplate(CampaignUpdate, props, { url: ["unsubscribeUrl"] });
  return {
    subject: props.subject,
    ...body,
    headers: {
      "List-Unsubscribe": `<${appUrl}/api/unsubscribe/${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
