// Words for facts and awards in the reader's language, shared by the fact pages'
// components: a fact's headline and correction, an agency's short name, an amount's
// kind with its date, the source a citation links to.
import type { AgencyRef, CitationItem, FactItem } from "@/lib/facts/queries";
import type { Money } from "@/lib/facts/money";
import { formatDate } from "@/lib/facts/format";
import { format, type Locale, type Messages } from "@/lib/i18n";

export function headlineOf(fact: FactItem, locale: Locale): string {
  return (locale === "es" && fact.headlineEs) || fact.headline;
}

export function correctionOf(fact: FactItem, locale: Locale): string | null {
  return (locale === "es" && fact.correctionEs) || fact.correction;
}

export function agencyLabel(agency: AgencyRef | null): string | null {
  if (!agency) return null;
  return agency.abbreviation || agency.name || null;
}

/** "obligated, as of May 30, 2018": what a figure is and when it was true. */
export function kindAndDate(money: Pick<Money, "kind" | "asOf">, locale: Locale, t: Messages): string {
  const kind = t.facts.kind[money.kind as keyof typeof t.facts.kind] ?? money.kind;
  const date = money.asOf ? format(t.facts.money.asOf, { date: formatDate(money.asOf, locale) }, locale) : t.facts.money.noDate;
  return `${kind}, ${date}`;
}

/** The date line of a total whose figures were read on different days. */
export function totalDates(asOf: string | null, asOfLatest: string | null, locale: Locale, t: Messages): string {
  if (!asOf) return t.facts.money.noDate;
  if (!asOfLatest || asOfLatest === asOf) return format(t.facts.money.asOf, { date: formatDate(asOf, locale) }, locale);
  return format(t.facts.money.asOfRange, { from: formatDate(asOf, locale), to: formatDate(asOfLatest, locale) }, locale);
}

/**
 * The supporting citations, those that can be opened first, then the strongest (a
 * primary record before the press, the press before advocacy).
 */
export function supportingSources(fact: FactItem): CitationItem[] {
  const rank = (c: CitationItem) =>
    (c.source.url ? 0 : 10) + (c.source.reliability === "primary" ? 0 : c.source.reliability === "secondary" ? 1 : 2);
  return fact.citations.filter((c) => c.role === "supports").sort((a, b) => rank(a) - rank(b));
}

/** "The Verge, Jan 26, 2018": a source as a chip reads. */
export function sourceLabel(source: CitationItem["source"], locale: Locale): string {
  const who = source.publisher || source.title;
  return source.publishedOn ? `${who}, ${formatDate(source.publishedOn, locale)}` : who;
}

/** The year (or month, or day) a fact happened, to its precision. */
export function eventWhen(fact: FactItem, locale: Locale): string | null {
  return fact.eventDate ? formatDate(fact.eventDate, locale, fact.eventDatePrecision) : null;
}
