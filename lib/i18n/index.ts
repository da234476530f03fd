// English and Spanish, chosen by the URL (/es/…); Accept-Language is only the first
// guess, made by the proxy for addresses without a prefix.
import en, { type Messages } from "./messages/en";
import es from "./messages/es";
import { fromAcceptLanguage } from "@/server/locale.mjs";
import type { Locale } from "./format";

// What needs no catalogue lives in ./format, so client components can import it
// without shipping every message of both languages to the browser.
export { defaultLocale, format, formatNumber, isLocale, localePath, locales, type Locale } from "./format";

const catalogues: Record<Locale, Messages> = { en, es };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

/** Picks the preferred supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  // One parser for the app and for the server's own pages (server/locale.mjs).
  return fromAcceptLanguage(header);
}

export type { Messages };
