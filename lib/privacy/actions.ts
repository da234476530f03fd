"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/client-ip";
import { logError, type ErrorCode } from "@/lib/errors";
import { isLocale, localePath, type Locale } from "@/lib/i18n";
import { deleteSignerData, requestDataDeletion } from "./mutations";

export type DeletionRequestState =
  | { status: "idle" }
  | { status: "sent" }
  | { status: "error"; code: ErrorCode; email: string };

const localeOf = (form: FormData): Locale => (isLocale(form.get("locale")) ? (form.get("locale") as Locale) : "en");

export async function requestDeletionAction(_previous: DeletionRequestState, form: FormData): Promise<DeletionRequestState> {
  const email = typeof form.get("email") === "string" ? (form.get("email") as string) : "";
  try {
    const result = await requestDataDeletion({
      email,
      locale: localeOf(form),
      clientIp: clientIp(await headers()),
    });
    return result.ok ? { status: "sent" } : { status: "error", code: result.code, email };
  } catch (error) {
    logError("delete-request", error);
    return { status: "error", code: "unexpected", email };
  }
}

export async function deleteDataAction(form: FormData): Promise<void> {
  const token = typeof form.get("token") === "string" ? (form.get("token") as string) : "";
  const outcome = await deleteSignerData(token);
  const query = outcome.status === "deleted" ? `?deleted=${outcome.signatures}` : "?invalid=1";
  redirect(localePath(localeOf(form), `/privacy/delete/done${query}`));
}
