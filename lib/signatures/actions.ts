"use server";
// The sign form's server action: it works as a plain form POST without JavaScript
// and without a reload with it. Validation and storage live in mutations.ts.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/client-ip";
import { logError, type ErrorCode } from "@/lib/errors";
import { isLocale, localePath, type Locale } from "@/lib/i18n";
import { confirmSignature, recordSignature } from "./mutations";

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
  | { status: "accepted" }
  | { status: "error"; code: ErrorCode; fieldErrors: Record<string, string[]>; values: SignFormValues };

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
      input: { ...values, ref: text(form, "ref") || undefined, website: text(form, "website") },
    });
    if (result.ok) return { status: "accepted" };
    return { status: "error", code: result.code, fieldErrors: result.fieldErrors ?? {}, values };
  } catch (error) {
    logError("sign", error);
    return { status: "error", code: "unexpected", fieldErrors: {}, values };
  }
}

/** The confirmation page's button. */
export async function confirmAction(form: FormData): Promise<void> {
  const locale: Locale = isLocale(form.get("locale")) ? (form.get("locale") as Locale) : "en";
  const slug = text(form, "campaign");
  const token = text(form, "token");
  const outcome = await confirmSignature(token);
  const base = `/campaigns/${encodeURIComponent(slug)}/confirm/${encodeURIComponent(token)}`;
  redirect(localePath(locale, `${base}?result=${outcome.status}`));
}
