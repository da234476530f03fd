import "server-only";
// What the public fact pages read: the companies list, one company's page, and the
// facts panel of a campaign page, each in one call and through the short cache (a
// campaign page is also served from the page cache, so its panel is read once per
// couple of seconds at most). Built on lib/facts/queries.ts; the campaigns a company is
// the target of come from here. Every fact returned has a supporting citation.
import { and, asc, eq, inArray, isNotNull, not, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agencies, awards, campaigns, campaignTargets, companies, facts, type FactStatus } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { cached, invalidate } from "@/lib/short-cache";
import { invalidateCachedPages } from "@/lib/page-cache";
import { localizedTitle } from "@/lib/campaigns/queries";
import { isSlugShaped } from "@/lib/campaigns/slug";
import { obligatedTotal, sumMoney, type MoneyTotal } from "./money";
import {
  getCompanyAwards,
  getCompanyBySlug,
  getFactsForCompanies,
  getObligatedTotals,
  listCompaniesWithTotals,
  type AgencyRef,
  type AwardItem,
  type CompanyAwards,
  type CompanyRef,
  type FactItem,
} from "./queries";

const TTL_MS = 5000;

/** Statuses stated as fact; the others are shown as checked claims, with their correction. */
export const STATED_STATUSES: readonly FactStatus[] = ["verified_record", "verified_press", "reported"];
/** How many facts a campaign's panel shows besides each target's obligated total: with it, the
 * "two or three fact cards" of shared/DESIGN.md, so the story stays close on a phone. */
export const PANEL_FACTS = 2;

/** A total with the span of its figures' dates (the earliest is the total's own as-of date). */
export type DatedTotal = MoneyTotal & { asOfLatest: string | null; agencies: AgencyRef[] };

export type CampaignRef = { slug: string; title: string; status: string };

type Family = { ids: string[]; topId: string };

function localizeCampaign(row: { slug: string; title: string; titleEs: string | null; status: string }, locale: Locale): CampaignRef {
  return { slug: row.slug, title: localizedTitle(row, locale), status: row.status };
}

/** Public campaigns aimed at any of these companies, newest first. */
async function campaignsFor(companyIds: string[], statuses: ("live" | "closed" | "won")[], locale: Locale) {
  if (companyIds.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .selectDistinct({
      companyId: campaignTargets.companyId,
      slug: campaigns.slug,
      title: campaigns.title,
      titleEs: campaigns.titleEs,
      status: campaigns.status,
      publishedAt: campaigns.publishedAt,
    })
    .from(campaignTargets)
    .innerJoin(campaigns, eq(campaigns.id, campaignTargets.campaignId))
    .where(and(inArray(campaignTargets.companyId, companyIds), inArray(campaigns.status, statuses)))
    .orderBy(sql`${campaigns.publishedAt} desc nulls last`, asc(campaigns.slug));
  return rows.map((r) => ({ companyId: r.companyId, ...localizeCampaign(r, locale) }));
}

/** The latest as-of date of each top company's awards (the earliest is in its MoneyTotal). */
async function latestAsOf(topIds?: string[]): Promise<Map<string, string>> {
  const db = await getDb();
  const top = sql<string>`coalesce(${companies.parentId}, ${companies.id})`;
  const rows = await db
    .select({ companyId: top, asOf: sql<string>`max(${awards.asOf})::text` })
    .from(awards)
    .innerJoin(companies, eq(companies.id, awards.companyId))
    .where(topIds ? inArray(top, topIds) : undefined)
    .groupBy(top);
  return new Map(rows.map((r) => [r.companyId, r.asOf]));
}

/** Agency names in the reader's language (the dataset gives Spanish names; imported subtiers may not). */
async function agencyNamer(locale: Locale): Promise<<T extends AgencyRef | null>(a: T) => T> {
  if (locale !== "es") return (a) => a;
  const db = await getDb();
  const rows = await db.select({ id: agencies.id, nameEs: agencies.nameEs }).from(agencies);
  const names = new Map(rows.filter((r) => r.nameEs).map((r) => [r.id, r.nameEs!]));
  return (a) => (a && a.id && names.has(a.id) ? { ...a, name: names.get(a.id)! } : a);
}

function localizeAward<T extends { agency: AgencyRef }>(item: T, name: (a: AgencyRef) => AgencyRef): T {
  return { ...item, agency: name(item.agency) };
}

function localizeFact(fact: FactItem, name: <T extends AgencyRef | null>(a: T) => T): FactItem {
  return { ...fact, agency: name(fact.agency) };
}

function dated(total: MoneyTotal, agencies: AgencyRef[], asOfLatest: string | null | undefined): DatedTotal {
  return { ...total, agencies, asOfLatest: asOfLatest ?? total.asOf };
}

// ---- the companies list ----------------------------------------------------------

export type CompanyListItem = {
  slug: string;
  name: string;
  summary: string | null;
  subsidiaries: { slug: string; name: string }[];
  obligated: DatedTotal;
  liveCampaigns: CampaignRef[];
  facts: number;
};

export function listCompaniesForPage(locale: Locale): Promise<CompanyListItem[]> {
  return cached(`facts:companies:${locale}`, () => loadCompanies(locale), TTL_MS);
}

async function loadCompanies(locale: Locale): Promise<CompanyListItem[]> {
  const db = await getDb();
  const top = sql<string>`coalesce(${companies.parentId}, ${companies.id})`;
  const [list, latest, factCounts, name] = await Promise.all([
    listCompaniesWithTotals(),
    latestAsOf(),
    db
      .select({ companyId: top, count: sql<number>`count(*)::int` })
      .from(facts)
      .innerJoin(companies, eq(companies.id, facts.companyId))
      .groupBy(top),
    agencyNamer(locale),
  ]);
  const ids = list.map((c) => c.id);
  const subsidiaryIds = await db
    .select({ id: companies.id, parentId: companies.parentId })
    .from(companies)
    .where(inArray(companies.parentId, ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]));
  const topOf = new Map<string, string>(ids.map((id) => [id, id]));
  for (const s of subsidiaryIds) topOf.set(s.id, s.parentId!);
  const live = await campaignsFor([...topOf.keys()], ["live"], locale);
  const factsOf = new Map(factCounts.map((r) => [r.companyId, r.count]));
  return list
    .map((c) => ({
      slug: c.slug,
      name: c.name,
      summary: (locale === "es" && c.summaryEs) || c.summary,
      subsidiaries: c.subsidiaries,
      obligated: dated(c.obligated, c.byAgency.map((b) => name(b.agency)), latest.get(c.id)),
      liveCampaigns: dedupe(live.filter((l) => topOf.get(l.companyId) === c.id)),
      facts: factsOf.get(c.id) ?? 0,
    }))
    .filter((c) => c.obligated.awards > 0 || c.liveCampaigns.length > 0 || c.facts > 0)
    .sort((a, b) => b.obligated.amount - a.obligated.amount || a.name.localeCompare(b.name));
}

function dedupe(list: CampaignRef[]): CampaignRef[] {
  const seen = new Set<string>();
  return list.filter((c) => !seen.has(c.slug) && seen.add(c.slug)).map(({ slug, title, status }) => ({ slug, title, status }));
}

// ---- one company -----------------------------------------------------------------

export type CompanyPageData = {
  company: CompanyRef & { summary: string | null };
  subsidiaries: { slug: string; name: string }[];
  obligated: DatedTotal;
  byAgency: { agency: AgencyRef; obligated: MoneyTotal }[];
  awards: AwardItem[];
  byFiscalYear: CompanyAwards["byFiscalYear"];
  /** Awards to other companies for this company's products (Azure through Dell): not in its total. */
  resold: AwardItem[];
  resoldTotal: DatedTotal | null;
  facts: FactItem[];
  campaigns: CampaignRef[];
};

export function getCompanyPage(slug: string, locale: Locale): Promise<CompanyPageData | null> {
  if (!isSlugShaped(slug)) return Promise.resolve(null);
  return cached(`facts:company:${slug}:${locale}`, () => loadCompanyPage(slug, locale), TTL_MS);
}

function totalOf(items: AwardItem[]): DatedTotal {
  const total = obligatedTotal(
    items.map((a) => ({
      totalObligated: a.obligated?.amount ?? null,
      currentValue: null,
      potentialValue: null,
      asOf: a.asOf,
      obligationBasis: a.obligationBasis,
      productCompanyId: a.productOf ? a.productOf.slug : null,
    })),
  );
  const agencies = new Map(items.map((a) => [a.agency.id ?? a.agency.name, a.agency]));
  const latest = items.reduce<string | null>((m, a) => (m === null || a.asOf > m ? a.asOf : m), null);
  return dated(total, [...agencies.values()], latest);
}

function byAgency(items: AwardItem[]) {
  const groups = new Map<string, AwardItem[]>();
  for (const a of items) {
    const key = a.agency.id ?? a.agency.name;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.values()]
    .map((list) => ({ agency: list[0].agency, obligated: totalOf(list) as MoneyTotal }))
    .sort((a, b) => b.obligated.amount - a.obligated.amount);
}

async function loadCompanyPage(slug: string, locale: Locale): Promise<CompanyPageData | null> {
  const company = await getCompanyBySlug(slug);
  if (!company) return null;
  const db = await getDb();
  const [details, subsidiaries] = await Promise.all([
    db.select({ summary: companies.summary, summaryEs: companies.summaryEs, parentId: companies.parentId }).from(companies).where(eq(companies.id, company.id)),
    db.select({ id: companies.id, slug: companies.slug, name: companies.name }).from(companies).where(eq(companies.parentId, company.id)).orderBy(asc(companies.name)),
  ]);
  const family: Family = { ids: [company.id, ...subsidiaries.map((s) => s.id)], topId: details[0]?.parentId ?? company.id };
  const [own, resold, factItems, aimed, name] = await Promise.all([
    getCompanyAwards(company.id),
    resoldAwards([company, ...subsidiaries]),
    getFactsForCompanies([company.id]),
    // A campaign at the parent is aimed at its subsidiaries too, and the other way round.
    campaignsFor([...new Set([...family.ids, family.topId])], ["live", "closed", "won"], locale),
    agencyNamer(locale),
  ]);
  const ownAwards = own.awards.map((a) => localizeAward(a, name));
  const localResold = resold.map((a) => localizeAward(a, name));
  return {
    company: { ...company, summary: (locale === "es" && details[0]?.summaryEs) || details[0]?.summary || null },
    subsidiaries: subsidiaries.map(({ slug, name }) => ({ slug, name })),
    obligated: totalOf(ownAwards),
    byAgency: byAgency(ownAwards),
    awards: ownAwards,
    byFiscalYear: own.byFiscalYear.map((c) => localizeAward(c, name)),
    resold: localResold,
    resoldTotal: localResold.length ? totalOf(localResold) : null,
    facts: factItems.map((f) => localizeFact(f, name)),
    campaigns: dedupe(aimed),
  };
}

/** Awards whose product is this company's while the money went to another (a reseller). */
async function resoldAwards(family: { id: string; slug: string }[]): Promise<AwardItem[]> {
  const db = await getDb();
  const ids = family.map((c) => c.id);
  const slugs = new Set(family.map((c) => c.slug));
  const sellers = await db
    .selectDistinct({ companyId: awards.companyId })
    .from(awards)
    .where(and(inArray(awards.productCompanyId, ids), isNotNull(awards.companyId), not(inArray(awards.companyId, ids))));
  const lists = await Promise.all(sellers.map((s) => getCompanyAwards(s.companyId!)));
  // A seller's awards include its other products and its own: keep this company's only.
  return lists
    .flatMap((l) => l.awards)
    .filter((a) => a.productOf !== null && slugs.has(a.productOf.slug))
    .sort((a, b) => (b.obligated?.amount ?? 0) - (a.obligated?.amount ?? 0));
}

// ---- a campaign's panel ------------------------------------------------------------

export type PanelTarget = { slug: string; name: string; obligated: DatedTotal | null };
export type CampaignFactsPanelData = { targets: PanelTarget[]; facts: FactItem[] };

export function getCampaignFactsPanel(campaignId: string, locale: Locale): Promise<CampaignFactsPanelData> {
  return cached(`facts:panel:${campaignId}:${locale}`, () => loadPanel(campaignId, locale), TTL_MS);
}

async function loadPanel(campaignId: string, locale: Locale): Promise<CampaignFactsPanelData> {
  const db = await getDb();
  const targets = await db
    .select({ id: companies.id, slug: companies.slug, name: companies.name, parentId: companies.parentId })
    .from(campaignTargets)
    .innerJoin(companies, eq(companies.id, campaignTargets.companyId))
    .where(eq(campaignTargets.campaignId, campaignId))
    .orderBy(asc(companies.name));
  if (targets.length === 0) return { targets: [], facts: [] };
  const topIds = targets.map((t) => t.parentId ?? t.id);
  const [totalsByCompany, latest, factItems, name] = await Promise.all([
    getObligatedTotals(topIds),
    latestAsOf(topIds),
    getFactsForCompanies(targets.map((t) => t.id)),
    agencyNamer(locale),
  ]);
  return {
    targets: targets.map((t) => {
      const top = t.parentId ?? t.id;
      const rows = totalsByCompany.get(top);
      if (!rows?.length) return { slug: t.slug, name: t.name, obligated: null };
      const totals = rows.map((r) => r.obligated);
      const sum: MoneyTotal = {
        ...sumMoney(totals, "obligated"),
        kind: "obligated",
        awards: totals.reduce((n, r) => n + r.awards, 0),
        fromTransactions: totals.reduce((n, r) => n + r.fromTransactions, 0),
        viaReseller: totals.reduce((n, r) => n + r.viaReseller, 0),
      };
      return { slug: t.slug, name: t.name, obligated: dated(sum, rows.map((r) => name(r.agency)), latest.get(top)) };
    }),
    // Stated facts whose source a reader can open from the card.
    facts: factItems
      .filter((f) => STATED_STATUSES.includes(f.status) && f.citations.some((c) => c.role === "supports" && c.source.url))
      .slice(0, PANEL_FACTS)
      .map((f) => localizeFact(f, name)),
  };
}

/**
 * After an import, a sync or a change to the dataset in this process: the fact reads and
 * the rendered pages that show them. Other instances catch up within the TTL.
 */
export function forgetFacts(): void {
  invalidate("facts:");
  invalidateCachedPages();
}
