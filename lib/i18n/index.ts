// English and Spanish, chosen by the URL (/es/…); Accept-Language is only the first
// guess, made by the proxy for addresses without a prefix.
import en, { type Messages } from "./messages/en";
import es from "./messages/es";
import { fromAcceptLanguage } from "@/server/locale.mjs";

export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

const catalogues: Record<Locale, Messages> = { en, es };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

/** Fills {placeholders} in a message. */
export function format(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
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

/** Picks the preferred supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  // One parser for the app and for the server's own pages (server/locale.mjs).
  return fromAcceptLanguage(header);
}

export type { Messages };
