// English and Spanish, chosen by the URL (/es/…); Accept-Language is only the first
// guess, made by the proxy for addresses without a prefix.
import en, { type Messages } from "./messages/en";
import es from "./messages/es";
import { IntlMessageFormat } from "intl-messageformat";
import { fromAcceptLanguage } from "@/server/locale.mjs";

import { defaultLocale, type Locale } from "./locales";

export { defaultLocale, isLocale, localePath, locales, type Locale } from "./locales";

const catalogues: Record<Locale, Messages> = { en, es };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

// Parsing an ICU message costs far more than formatting it: each is parsed once per language.
const compiled = new Map<string, IntlMessageFormat>();

/**
 * Formats an ICU message: {placeholders}, and plurals such as
 * "{count, plural, one {# signature} other {# signatures}}" (intl-messageformat).
 * A value left out shows as {name}, so a missing one is seen rather than hidden.
 */
export function format(message: string, values: Record<string, string | number> = {}, locale: Locale = defaultLocale): string {
  if (!message.includes("{")) return message;
  const key = `${locale}\u0000${message}`;
  let compiledMessage = compiled.get(key);
  if (!compiledMessage) {
    compiledMessage = new IntlMessageFormat(message, locale === "es" ? "es-US" : "en-US");
    if (compiled.size > 2000) compiled.clear();
    compiled.set(key, compiledMessage);
  }
  const names = message.match(/\{(\w+)[,}]/g)?.map((m) => m.slice(1, -1)) ?? [];
  const filled: Record<string, string | number> = { ...values };
  for (const name of names) if (!(name in filled)) filled[name] = `{${name}}`;
  return String(compiledMessage.format(filled));
}

// Building a formatter costs far more than using one: one per language.
const numberFormats: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat("en-US"),
  es: new Intl.NumberFormat("es-US"),
};

export function formatNumber(locale: Locale, n: number): string {
  return numberFormats[locale].format(n);
}

/** Picks the preferred supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  // One parser for the app and for the server's own pages (server/locale.mjs).
  return fromAcceptLanguage(header);
}

export type { Messages };
