import "server-only";
// The thank-you and personal share link after confirming belong to the browser that
// confirmed (e-petitions keeps a signed token in a cookie for this): a phone's Share
// button sends the address of that page, and whoever opens it must get the campaign
// and its sign form, not "your signature counts". The cookie is an HMAC of the token,
// HttpOnly, SameSite=Lax, and sent only to that signature's confirmation page (in
// either language), so every other page stays cacheable for the signer too.
import crypto from "node:crypto";
import { cookies } from "next/headers";
import { appUrl } from "@/lib/env";
import { localePath, locales, type Locale } from "@/lib/i18n";
import { keyedHash } from "@/lib/secrets";

const MAX_AGE_SECONDS = 60 * 60 * 24 * 90;

// One name per language: each is scoped to that language's path of the page.
const cookieName = (locale: Locale) => `ct_thanks_${locale}`;
const value = (token: string) => keyedHash("confirmed-in-this-browser", token);

export function confirmPagePath(locale: Locale, slug: string, token: string): string {
  return localePath(locale, `/campaigns/${encodeURIComponent(slug)}/confirm/${encodeURIComponent(token)}`);
}

/** After this browser confirmed the signature `token` belongs to (a server action or route). */
export async function rememberConfirmedHere(slug: string, token: string): Promise<void> {
  const jar = await cookies();
  for (const locale of locales) {
    jar.set(cookieName(locale), value(token), {
      path: confirmPagePath(locale, slug, token),
      httpOnly: true,
      sameSite: "lax",
      secure: appUrl.startsWith("https:"),
      maxAge: MAX_AGE_SECONDS,
    });
  }
}

/** Whether this browser is the one that confirmed the signature `token` belongs to. */
export async function confirmedHere(locale: Locale, token: string): Promise<boolean> {
  const got = (await cookies()).get(cookieName(locale))?.value;
  if (!got) return false;
  const want = Buffer.from(value(token));
  const have = Buffer.from(got);
  return have.length === want.length && crypto.timingSafeEqual(have, want);
}
