"use server";
// The sign form's server action: it works as a plain form POST without JavaScript
// and without a reload with it. Validation and storage live in mutations.ts.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/client-ip";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "@/lib/database-unavailable";
import { logError, type ErrorCode } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n";
import { confirmSignature, recordSignature } from "./mutations";
import { REFERRAL_COOKIE, referralCode } from "./referral-cookie";
import { confirmPagePath, rememberConfirmedHere } from "./thanks-cookie";

export type SignFormValues = {
  fullName: string;
  email: string;
  postalCode: string;
  comment: string;
  showName: boolean;
  wantsUpdates: boolean;
};

export type SignFormState =
  | { status: "idle" }
  | { status: "accepted"; values: SignFormValues }
  | {
      status: "error";
      code: ErrorCode;
      fieldErrors: Record<string, string[]>;
      values: SignFormValues;
      /** Seconds until a refusing rate-limit window ends, for the message. */
      retryAfter?: number;
    };

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

export async function signAction(_previous: SignFormState, form: FormData): Promise<SignFormState> {
  const locale: Locale = isLocale(form.get("locale")) ? (form.get("locale") as Locale) : "en";
  const values: SignFormValues = {
    fullName: text(form, "fullName"),
    email: text(form, "email"),
    postalCode: text(form, "postalCode"),
    comment: text(form, "comment"),
    showName: form.get("showName") === "on",
    wantsUpdates: form.get("wantsUpdates") === "on",
  };
  try {
    const result = await recordSignature({
      campaignSlug: text(form, "campaign"),
      locale,
      clientIp: clientIp(await headers()),
      // The form's code, else the share link's from its cookie (the cached page has no field for it).
      input: { ...values, ref: text(form, "ref") || referralCode((await cookies()).get(REFERRAL_COOKIE)?.value), website: text(form, "website") },
    });
    if (result.ok) return { status: "accepted", values };
    const retryAfter = result.code === "rate_limited" && "retryAfter" in result ? result.retryAfter : undefined;
    return { status: "error", code: result.code, fieldErrors: result.fieldErrors ?? {}, values, ...(retryAfter ? { retryAfter } : {}) };
  } catch (error) {
    // The database away for a moment (a restart): "try again in a moment", not a bug.
    if (isDatabaseUnavailable(error)) {
      noteDatabaseUnavailable("sign", error);
      return { status: "error", code: "unavailable", fieldErrors: {}, values };
    }
    logError("sign", error);
    return { status: "error", code: "unexpected", fieldErrors: {}, values };
  }
}

/** The confirmation page's button, with the choice to show the name or not. */
export async function confirmAction(form: FormData): Promise<void> {
  const locale: Locale = isLocale(form.get("locale")) ? (form.get("locale") as Locale) : "en";
  const slug = text(form, "campaign");
  const token = text(form, "token");
  const outcome = await confirmSignature(token, {
    showName: form.get("showName") === "on",
    detailsDigest: text(form, "details"),
  });
  // The signature's own campaign, whatever the form said.
  const campaign = outcome.status === "invalid" ? slug : outcome.campaignSlug;
  if (outcome.status === "confirmed" || outcome.status === "already_confirmed") await rememberConfirmedHere(campaign, token);
  redirect(`${confirmPagePath(locale, campaign, token)}?result=${outcome.status}`);
}
