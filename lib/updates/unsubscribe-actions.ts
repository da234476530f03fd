"use server";
// The unsubscribe page's buttons: the token is the signer's proof, no sign-in.
import { redirect } from "next/navigation";
import { isLocale, localePath } from "@/lib/i18n";
import { unsubscribe } from "./unsubscribe";

export async function unsubscribeAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const scope = form.get("scope") === "all" ? "all" : "campaign";
  const locale = isLocale(form.get("locale")) ? (form.get("locale") as "en" | "es") : "en";
  const done = await unsubscribe(token, scope);
  redirect(localePath(locale, `/unsubscribe/${encodeURIComponent(token)}?${done ? `done=${scope}` : "invalid=1"}`));
}
