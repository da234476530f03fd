import "server-only";
// Who may read the mailbox: only a request from this machine itself, through no
// proxy (server/index.mjs sets the header after removing any copy a client sent),
// and only in mail-capture mode. Everyone else gets a not-found page, in their language.
import { headers } from "next/headers";
import { mailMode } from "@/lib/env";
import { localeFromAcceptLanguage, type Locale } from "@/lib/i18n";
import { LOCAL_REQUEST_HEADER } from "@/server/internal-headers.mjs";

export async function mailboxAccess(): Promise<{ allowed: boolean; locale: Locale }> {
  const h = await headers();
  const allowed = mailMode === "capture" && h.get(LOCAL_REQUEST_HEADER) === "1";
  return { allowed, locale: allowed ? "en" : localeFromAcceptLanguage(h.get("accept-language")) };
}
