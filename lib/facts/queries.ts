import "server-only";
// Reading the contract-facts dataset for pages and the API. Totals roll subsidiaries up
// to their parent (one level, companies.parent_id) and follow lib/facts/money.ts: only
// obligations are summed, each total says how many awards it covers and from when.
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type DbOrTx } from "@/db/client";
import { agencies, awards, citations, companies, facts, sources, type AmountKind, type FactStatus } from "@/db/schema";
import { awardMoney, toCents, type Money, type MoneyTotal } from "./money";

const parent = alias(companies, "parent_company");
/** The company an award counts for: the resolved company's parent when it has one. */
const topCompanyId = sql<string>`coalesce(${companies.parentId}, ${companies.id})`;

export type AgencyRef = { id: string | null; slug: string | null; name: string; abbreviation: string | null };

export type CompanyTotals = {
  id: string;
  slug: string;
  name: string;
  summary: string | null;
  summaryEs: string | null;
  /** Everything obligated to the company and its subsidiaries on the awards on file. */
  obligated: MoneyTotal;
  byAgency: { agency: AgencyRef; obligated: MoneyTotal }[];
  subsidiaries: { slug: string; name: string }[];
};

type TotalRow = {
  companyId: string;
  agencyId: string | null;
  agencySlug: string | null;
  agencyName: string | null;
  abbreviation: string | null;
  cents: string | number | null;
  awards: number;
  fromTransactions: number;
  viaReseller: number;
  asOf: string | null;
};

function total(rows: Pick<TotalRow, "cents" | "awards" | "fromTransactions" | "viaReseller" | "asOf">[]): MoneyTotal {
  let cents = 0;
  let asOf: string | null = null;
  let count = 0;
  let fromTransactions = 0;
  let viaReseller = 0;
  for (const r of rows) {
    cents += Number(r.cents ?? 0);
    count += Number(r.awards);
    fromTransactions += Number(r.fromTransactions);
    viaReseller += Number(r.viaReseller);
    if (r.asOf && (asOf === null || r.asOf < asOf)) asOf = r.asOf;
  }
  return { amount: cents / 100, currency: "USD", kind: "obligated", asOf, awards: count, fromTransactions, viaReseller };
}

async function totalsRows(db: DbOrTx, companyIds?: string[]): Promise<TotalRow[]> {
  return db
    .select({
      companyId: topCompanyId,
      agencyId: agencies.id,
      agencySlug: agencies.slug,
      agencyName: sql<string | null>`coalesce(${agencies.name}, ${awards.awardingSubAgencyName})`,
      abbreviation: agencies.abbreviation,
      // Summed in cents so two-decimal amounts add exactly; awards without an obligation add nothing.
      cents: sql<string>`coalesce(sum(round(${awards.totalObligated} * 100)), 0)`,
      awards: sql<number>`count(*)::int`,
      fromTransactions: sql<number>`(count(*) filter (where ${awards.obligationBasis} = 'transactions'))::int`,
      viaReseller: sql<number>`(count(*) filter (where ${awards.productCompanyId} is not null))::int`,
      // The earliest as-of date: the total is only known to be true up to then.
      asOf: sql<string | null>`min(${awards.asOf})::text`,
    })
    .from(awards)
    .innerJoin(companies, eq(companies.id, awards.companyId))
    .leftJoin(agencies, eq(agencies.id, awards.awardingAgencyId))
    .where(companyIds ? inArray(topCompanyId, companyIds) : undefined)
    .groupBy(topCompanyId, agencies.id, agencies.slug, sql`coalesce(${agencies.name}, ${awards.awardingSubAgencyName})`, agencies.abbreviation);
}

/** Top-level companies (subsidiaries roll up into them), with obligated totals overall and by awarding agency. */
export async function listCompaniesWithTotals(db?: DbOrTx): Promise<CompanyTotals[]> {
  const conn = db ?? (await getDb());
  const [companyRows, subsidiaryRows, rows] = await Promise.all([
    conn.select().from(companies).where(isNull(companies.parentId)).orderBy(asc(companies.name)),
    conn
      .select({ parentId: companies.parentId, slug: companies.slug, name: companies.name })
      .from(companies)
      .where(sql`${companies.parentId} is not null`)
      .orderBy(asc(companies.name)),
    totalsRows(conn),
  ]);
  return companyRows.map((c) => {
    const own = rows.filter((r) => r.companyId === c.id);
    return {
      id: c.id,
      slug: c.slug,
      name: c.name,
      summary: c.summary,
      summaryEs: c.summaryEs,
      obligated: total(own),
      byAgency: own
        .map((r) => ({
          agency: { id: r.agencyId, slug: r.agencySlug, name: r.agencyName ?? "", abbreviation: r.abbreviation },
          obligated: total([r]),
        }))
        .sort((a, b) => b.obligated.amount - a.obligated.amount),
      subsidiaries: subsidiaryRows.filter((s) => s.parentId === c.id).map(({ slug, name }) => ({ slug, name })),
    };
  });
}

export type CompanyRef = { id: string; slug: string; name: string; parent: { slug: string; name: string } | null };

export async function getCompanyBySlug(slug: string, db?: DbOrTx): Promise<CompanyRef | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ id: companies.id, slug: companies.slug, name: companies.name, parentSlug: parent.slug, parentName: parent.name })
    .from(companies)
    .leftJoin(parent, eq(parent.id, companies.parentId))
    .where(eq(companies.slug, slug))
    .limit(1);
  if (!row) return null;
  return { id: row.id, slug: row.slug, name: row.name, parent: row.parentSlug ? { slug: row.parentSlug, name: row.parentName! } : null };
}

export type AwardItem = {
  awardKey: string;
  piid: string;
  description: string | null;
  recipientName: string;
  /** The resolved company (may be a subsidiary of the one asked for). */
  company: { slug: string; name: string } | null;
  /** Set when the recipient resold this company's product (Azure through Dell). */
  productOf: { slug: string; name: string } | null;
  agency: AgencyRef;
  awardingOfficeName: string | null;
  fiscalYear: number | null;
  baseActionDate: string | null;
  latestActionDate: string | null;
  obligated: Money | null;
  currentValue: Money | null;
  ceiling: Money | null;
  obligationBasis: "award_total" | "transactions";
  permalink: string | null;
  asOf: string;
};

export type CompanyAwards = {
  awards: AwardItem[];
  /** Obligations by federal fiscal year and awarding agency (for the chart and its table). */
  byFiscalYear: { fiscalYear: number; agency: AgencyRef; obligated: number }[];
  /** What byFiscalYear sums: each award's obligated total, in the fiscal year the award began. */
  chartBasis: "obligated_by_start_year";
};

const product = alias(companies, "product_company");

/** One company's awards (with its subsidiaries'), newest first, and its obligations by fiscal year and agency. */
export async function getCompanyAwards(companyId: string, db?: DbOrTx): Promise<CompanyAwards> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .select({
      award: awards,
      companySlug: companies.slug,
      companyName: companies.name,
      productSlug: product.slug,
      productName: product.name,
      agencySlug: agencies.slug,
      agencyName: agencies.name,
      abbreviation: agencies.abbreviation,
    })
    .from(awards)
    .innerJoin(companies, eq(companies.id, awards.companyId))
    .leftJoin(product, eq(product.id, awards.productCompanyId))
    .leftJoin(agencies, eq(agencies.id, awards.awardingAgencyId))
    .where(or(eq(companies.id, companyId), eq(companies.parentId, companyId)))
    .orderBy(desc(awards.totalObligated), asc(awards.awardKey));
  const items: AwardItem[] = rows.map((r) => {
    const a = r.award;
    const money = awardMoney(a);
    return {
      awardKey: a.awardKey,
      piid: a.piid,
      description: a.description,
      recipientName: a.recipientName,
      company: { slug: r.companySlug, name: r.companyName },
      productOf: r.productSlug ? { slug: r.productSlug, name: r.productName! } : null,
      agency: {
        id: a.awardingAgencyId,
        slug: r.agencySlug,
        name: r.agencyName ?? a.awardingSubAgencyName ?? "",
        abbreviation: r.abbreviation,
      },
      awardingOfficeName: a.awardingOfficeName,
      fiscalYear: a.fiscalYear,
      baseActionDate: a.baseActionDate,
      latestActionDate: a.latestActionDate,
      obligated: money.obligated ?? null,
      currentValue: money.currentValue ?? null,
      ceiling: money.ceiling ?? null,
      obligationBasis: a.obligationBasis,
      permalink: a.permalink,
      asOf: a.asOf,
    };
  });
  const cells = new Map<string, { fiscalYear: number; agency: AgencyRef; cents: number }>();
  for (const item of items) {
    if (!item.obligated || item.fiscalYear === null) continue;
    const key = `${item.fiscalYear}|${item.agency.id ?? item.agency.name}`;
    const cell = cells.get(key) ?? { fiscalYear: item.fiscalYear, agency: item.agency, cents: 0 };
    cell.cents += toCents(item.obligated.amount);
    cells.set(key, cell);
  }
  const byFiscalYear = [...cells.values()]
    .map((c) => ({ fiscalYear: c.fiscalYear, agency: c.agency, obligated: c.cents / 100 }))
    .sort((a, b) => a.fiscalYear - b.fiscalYear || a.agency.name.localeCompare(b.agency.name));
  return { awards: items, byFiscalYear, chartBasis: "obligated_by_start_year" };
}

export type CitationItem = {
  role: "supports" | "contradicts" | "context";
  locator: string | null;
  source: { key: string; kind: string; title: string; publisher: string | null; publishedOn: string | null; url: string | null; reliability: string };
};

export type FactItem = {
  id: string;
  key: string;
  companyId: string | null;
  agency: AgencyRef | null;
  program: string | null;
  headline: string;
  headlineEs: string | null;
  /** The figure with its kind and as-of date; null for facts without an amount. */
  amount: Money | null;
  eventDate: string | null;
  eventDatePrecision: "day" | "month" | "year";
  awardKey: string | null;
  status: FactStatus;
  claimRef: string | null;
  claimed: string | null;
  correction: string | null;
  correctionEs: string | null;
  weight: number;
  citations: CitationItem[];
};

/** Statuses a page shows (wrong and disputed ones with their correction); unverified claims are kept, not shown. */
export const SHOWN_FACT_STATUSES: readonly FactStatus[] = ["verified_record", "verified_press", "reported", "disputed", "wrong"];

/**
 * Facts about these companies (and their subsidiaries), heaviest first, each with its
 * citations. Only facts with at least one supporting citation, and (unless asked) not the
 * unverified ones, are returned: a page can show every one of them.
 */
export async function getFactsForCompanies(
  companyIds: string[],
  db?: DbOrTx,
  options: { includeUnverified?: boolean } = {},
): Promise<FactItem[]> {
  if (companyIds.length === 0) return [];
  const conn = db ?? (await getDb());
  const rows = await conn
    .select({ fact: facts, agencySlug: agencies.slug, agencyName: agencies.name, abbreviation: agencies.abbreviation })
    .from(facts)
    .innerJoin(companies, eq(companies.id, facts.companyId))
    .leftJoin(agencies, eq(agencies.id, facts.agencyId))
    .where(
      and(
        or(inArray(companies.id, companyIds), inArray(companies.parentId, companyIds)),
        options.includeUnverified ? undefined : inArray(facts.status, [...SHOWN_FACT_STATUSES]),
        sql`exists (select 1 from ${citations} where ${citations.factId} = ${facts.id} and ${citations.role} = 'supports')`,
      ),
    )
    .orderBy(desc(facts.weight), asc(facts.key));
  if (rows.length === 0) return [];
  const citationRows = await conn
    .select({
      factId: citations.factId,
      role: citations.role,
      locator: citations.locator,
      source: {
        key: sources.key,
        kind: sources.kind,
        title: sources.title,
        publisher: sources.publisher,
        publishedOn: sources.publishedOn,
        url: sources.url,
        reliability: sources.reliability,
      },
    })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(inArray(citations.factId, rows.map((r) => r.fact.id)))
    .orderBy(asc(citations.role), asc(sources.publishedOn));
  return rows.map(({ fact: f, agencySlug, agencyName, abbreviation }) => ({
    id: f.id,
    key: f.key,
    companyId: f.companyId,
    agency: f.agencyId ? { id: f.agencyId, slug: agencySlug, name: agencyName ?? "", abbreviation } : null,
    program: f.program,
    headline: f.headline,
    headlineEs: f.headlineEs,
    amount:
      f.amount === null || !f.amountKind
        ? null
        : { amount: Number(f.amount), currency: f.currency, kind: f.amountKind as AmountKind, asOf: f.amountAsOf },
    eventDate: f.eventDate,
    eventDatePrecision: f.eventDatePrecision,
    awardKey: f.awardKey,
    status: f.status,
    claimRef: f.claimRef,
    claimed: f.claimed,
    correction: f.correction,
    correctionEs: f.correctionEs,
    weight: f.weight,
    citations: citationRows.filter((c) => c.factId === f.id).map(({ role, locator, source }) => ({ role, locator, source })),
  }));
}

/** Obligated totals for a set of companies (a campaign's targets), for the facts panel. */
export async function getObligatedTotals(companyIds: string[], db?: DbOrTx): Promise<Map<string, CompanyTotals["byAgency"]>> {
  if (companyIds.length === 0) return new Map();
  const conn = db ?? (await getDb());
  const rows = await totalsRows(conn, companyIds);
  const map = new Map<string, CompanyTotals["byAgency"]>();
  for (const r of rows) {
    const list = map.get(r.companyId) ?? [];
    list.push({ agency: { id: r.agencyId, slug: r.agencySlug, name: r.agencyName ?? "", abbreviation: r.abbreviation }, obligated: total([r]) });
    map.set(r.companyId, list);
  }
  return map;
}
