// The public API's shapes for companies (GET /api/v1/companies[/{slug}]): every amount
// as { amount, currency, kind, asOf }, every total with what it sums (in numbers and in
// the caller's language), every fact with its status and citations.
import type { Locale } from "@/lib/i18n";
import { format, messages } from "@/lib/i18n";
import type { Money } from "./money";
import type { CompanyListItem, CompanyPageData, DatedTotal } from "./page-queries";
import type { AgencyRef, AwardItem, FactItem } from "./queries";

function agencyJson(a: AgencyRef | null) {
  return a ? { slug: a.slug, name: a.name, abbreviation: a.abbreviation } : null;
}

function moneyJson(m: Money | null) {
  return m ? { amount: m.amount, currency: m.currency, kind: m.kind, asOf: m.asOf } : null;
}

export function totalJson(total: DatedTotal, locale: Locale) {
  const agencies = total.agencies.map((a) => a.abbreviation || a.name).filter(Boolean).join(", ");
  return {
    amount: total.amount,
    currency: total.currency,
    kind: total.kind,
    // The earliest and latest as-of dates of the awards summed.
    asOf: total.asOf,
    asOfLatest: total.asOfLatest,
    awards: total.awards,
    awardsFromTransactions: total.fromTransactions,
    awardsViaReseller: total.viaReseller,
    agencies: total.agencies.map(agencyJson),
    sums: format(messages(locale).facts.money.totalSums, { count: total.awards, agencies: agencies || "none" }, locale),
  };
}

function awardJson(a: AwardItem) {
  return {
    awardKey: a.awardKey,
    piid: a.piid,
    description: a.description,
    recipientName: a.recipientName,
    company: a.company,
    resoldProductOf: a.productOf,
    agency: agencyJson(a.agency),
    awardingOffice: a.awardingOfficeName,
    fiscalYear: a.fiscalYear,
    baseActionDate: a.baseActionDate,
    latestActionDate: a.latestActionDate,
    obligated: moneyJson(a.obligated),
    currentValue: moneyJson(a.currentValue),
    ceiling: moneyJson(a.ceiling),
    obligationBasis: a.obligationBasis,
    permalink: a.permalink,
    asOf: a.asOf,
  };
}

export function factJson(f: FactItem, locale: Locale) {
  return {
    key: f.key,
    headline: (locale === "es" && f.headlineEs) || f.headline,
    status: f.status,
    amount: moneyJson(f.amount),
    agency: agencyJson(f.agency),
    program: f.program,
    eventDate: f.eventDate,
    eventDatePrecision: f.eventDatePrecision,
    awardKey: f.awardKey,
    claimed: f.claimed,
    correction: (locale === "es" && f.correctionEs) || f.correction,
    citations: f.citations.map((c) => ({
      role: c.role,
      locator: c.locator,
      source: {
        kind: c.source.kind,
        title: c.source.title,
        publisher: c.source.publisher,
        publishedOn: c.source.publishedOn,
        url: c.source.url,
        reliability: c.source.reliability,
      },
    })),
  };
}

export function companyListJson(c: CompanyListItem, locale: Locale) {
  return {
    slug: c.slug,
    name: c.name,
    summary: c.summary,
    subsidiaries: c.subsidiaries,
    obligated: totalJson(c.obligated, locale),
    liveCampaigns: c.liveCampaigns.map(({ slug, title }) => ({ slug, title })),
  };
}

export function companyJson(d: CompanyPageData, locale: Locale) {
  return {
    slug: d.company.slug,
    name: d.company.name,
    summary: d.company.summary,
    parent: d.company.parent,
    subsidiaries: d.subsidiaries,
    obligated: totalJson(d.obligated, locale),
    totalsByAgency: d.byAgency.map(({ agency, obligated }) => ({
      agency: agencyJson(agency),
      obligated: totalJson({ ...obligated, agencies: [agency], asOfLatest: null }, locale),
    })),
    // Each award's obligated total in the fiscal year it began.
    obligationsByFiscalYear: d.byFiscalYear.map((c) => ({ fiscalYear: c.fiscalYear, agency: agencyJson(c.agency), obligated: c.obligated })),
    awards: d.awards.map(awardJson),
    resold: d.resold.map(awardJson),
    resoldTotal: d.resoldTotal ? totalJson(d.resoldTotal, locale) : null,
    facts: d.facts.map((f) => factJson(f, locale)),
    campaigns: d.campaigns,
  };
}
