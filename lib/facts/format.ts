// Figures and dates as the fact pages show them, in both languages. What may be added
// up, and how a total says what it sums, is lib/facts/money.ts; this file only writes.
import type { Locale } from "@/lib/i18n";

/** The US federal fiscal year of an ISO date: FY2018 runs from 1 Oct 2017 to 30 Sep 2018. */
export function fiscalYear(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 10 ? year + 1 : year;
}

const SYMBOL: Record<Locale, Record<string, string>> = {
  en: { USD: "$", EUR: "€" },
  es: { USD: "US$", EUR: "€" },
};

const exactFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let f = exactFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "es" ? "es-US" : "en-US", {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    exactFormats.set(key, f);
  }
  return f;
}

function withSymbol(locale: Locale, currency: string, number: string): string {
  const symbol = SYMBOL[locale][currency];
  return symbol ? `${symbol}${number}` : `${number} ${currency}`;
}

/** To the cent, as the federal record has it: "$39,340,900.82". */
export function formatExactMoney(amount: number, currency: string, locale: Locale): string {
  const cents = Math.round(amount * 100) % 100 !== 0;
  const text = numberFormat(locale, cents ? 2 : 0).format(Math.abs(amount));
  return `${amount < 0 ? "−" : ""}${withSymbol(locale, currency, text)}`;
}

const UNITS: Record<Locale, { million: string; billion: string }> = {
  en: { million: "million", billion: "billion" },
  // Spanish "billón" is a million million: a US billion is "mil millones".
  es: { million: "millones", billion: "mil millones" },
};

/**
 * Large figures in words a reader takes in at a glance ("$39.3 million", "US$1.2 mil
 * millones"); under a million, the exact figure. Never rounded to zero.
 */
export function formatShortMoney(amount: number, currency: string, locale: Locale): string {
  const abs = Math.abs(amount);
  if (abs < 1_000_000) return formatExactMoney(Math.round(amount), currency, locale);
  const [value, unit] = abs >= 1e9 ? [abs / 1e9, UNITS[locale].billion] : [abs / 1e6, UNITS[locale].million];
  const digits = value >= 100 || Number.isInteger(Math.round(value * 10) / 10) ? 0 : 1;
  const text = numberFormat(locale, digits).format(Math.round(value * 10 ** digits) / 10 ** digits);
  return `${amount < 0 ? "−" : ""}${withSymbol(locale, currency, text)} ${unit}`;
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-US", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  es: new Intl.DateTimeFormat("es-US", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
};
const monthFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }),
  es: new Intl.DateTimeFormat("es-US", { month: "short", year: "numeric", timeZone: "UTC" }),
};

/** An ISO date for people, to the precision the source gives (day, month or year). */
export function formatDate(iso: string, locale: Locale, precision: "day" | "month" | "year" = "day"): string {
  if (precision === "year" || iso.length === 4) return iso.slice(0, 4);
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return (precision === "month" ? monthFormats : dateFormats)[locale].format(date);
}
