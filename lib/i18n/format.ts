// Languages, ICU formatting and localized paths, without the message catalogues: client
// components import from here (lib/i18n/index.ts would put both languages' every
// message into the browser's JavaScript). lib/i18n re-exports all of it.
import { IntlMessageFormat } from "intl-messageformat";

export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
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

/** The path for a locale: English has no prefix, Spanish lives under /es. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  if (locale === defaultLocale) return clean;
  return clean === "/" ? `/${locale}` : `/${locale}${clean}`;
}

