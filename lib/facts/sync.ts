// Refreshing companies' awards from the public USAspending API (POST
// /api/v2/search/spending_by_award/, no key): for each company, its contract awards
// (types A–D) from ICE, CBP or DHS whose recipient matches one of its names (and its
// subsidiaries'). The API's recipient search is loose (a substring can match), so each
// result still resolves through the alias table like a file row; the rest are reported
// as unmatched. All pages are fetched first; only then is one transaction opened to
// write them, so no transaction waits on the network.
import { eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { awardImports, companies, companyAliases, sources } from "@/db/schema";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { countChanges } from "./import";
import { fiscalYearOf } from "./import/dates";
import type { AwardRecord } from "./import/layout";
import { ReportBuilder, type ImportReport } from "./import/report";
import { writeAwardRows } from "./import/write";
import { loadResolver } from "./resolve";

export const SYNC_AGENCIES = [
  { type: "awarding", tier: "subtier", name: "U.S. Immigration and Customs Enforcement" },
  { type: "awarding", tier: "subtier", name: "U.S. Customs and Border Protection" },
  { type: "awarding", tier: "toptier", name: "Department of Homeland Security" },
] as const;

export const SYNC_FIELDS = [
  "Award ID", "Recipient Name", "Recipient UEI", "Award Amount", "Description", "Start Date", "End Date",
  "Awarding Agency", "Awarding Sub Agency", "Funding Sub Agency", "Contract Award Type", "Last Modified Date",
  "generated_internal_id",
];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/).transform((s) => s.slice(0, 10));
const result = z.object({
  generated_internal_id: z.string().regex(/^CONT_(AWD|IDV)_/),
  "Award ID": z.string().min(1),
  "Recipient Name": z.string().min(1),
  "Recipient UEI": z.string().nullish(),
  "Award Amount": z.number().nullish(),
  Description: z.string().nullish(),
  "Start Date": isoDate.nullish(),
  "End Date": isoDate.nullish(),
  "Awarding Agency": z.string().nullish(),
  "Awarding Sub Agency": z.string().nullish(),
  "Funding Sub Agency": z.string().nullish(),
  "Contract Award Type": z.string().nullish(),
  "Last Modified Date": isoDate.nullish(),
});
const page = z.object({
  results: z.array(z.unknown()),
  page_metadata: z.object({ page: z.number(), hasNext: z.boolean() }),
});

export class SyncError extends Error {
  name = "SyncError";
}

export type SyncOptions = {
  baseUrl?: string;
  timeoutMs?: number;
  /** Attempts per page (a 5xx answer or a timeout is tried again). */
  attempts?: number;
  maxPages?: number;
  startedBy?: string | null;
  today?: string;
};

type Result = z.infer<typeof result>;

async function fetchPage(body: object, options: Required<Pick<SyncOptions, "baseUrl" | "timeoutMs" | "attempts">>): Promise<z.infer<typeof page>> {
  const url = `${options.baseUrl.replace(/\/$/, "")}/api/v2/search/spending_by_award/`;
  let last = "";
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (response.status >= 500) {
        last = `USAspending answered ${response.status}`;
      } else if (!response.ok) {
        throw new SyncError(`USAspending refused the search (${response.status}): ${(await response.text()).slice(0, 200)}`);
      } else {
        const parsed = page.safeParse(await response.json());
        if (!parsed.success) throw new SyncError("USAspending answered in an unexpected shape");
        return parsed.data;
      }
    } catch (error) {
      if (error instanceof SyncError) throw error;
      const e = error as Error;
      last = e.name === "TimeoutError" ? `USAspending did not answer within ${options.timeoutMs / 1000} s` : `USAspending could not be reached (${e.message})`;
    }
    if (attempt < options.attempts) await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
  throw new SyncError(`${last}; tried ${options.attempts} times`);
}

/** All results for these recipient names, page after page (the network part: no transaction is open). */
export async function fetchAwards(names: string[], options: SyncOptions = {}): Promise<unknown[]> {
  const settings = {
    baseUrl: options.baseUrl ?? env.USASPENDING_API_URL,
    timeoutMs: options.timeoutMs ?? env.USASPENDING_TIMEOUT_SECONDS * 1000,
    attempts: options.attempts ?? 3,
  };
  const maxPages = options.maxPages ?? 50;
  const all: unknown[] = [];
  for (let n = 1; n <= maxPages; n++) {
    const answer = await fetchPage(
      {
        filters: {
          award_type_codes: ["A", "B", "C", "D"],
          agencies: SYNC_AGENCIES,
          recipient_search_text: names,
          time_period: [{ start_date: "2007-10-01", end_date: options.today ?? new Date().toISOString().slice(0, 10) }],
        },
        fields: SYNC_FIELDS,
        limit: 100,
        page: n,
        sort: "Award Amount",
        order: "desc",
        subawards: false,
      },
      settings,
    );
    all.push(...answer.results);
    if (!answer.page_metadata.hasNext) return all;
  }
  throw new SyncError(`more than ${maxPages} pages of results: narrow the company's aliases`);
}

function toRecord(r: Result, today: string): AwardRecord {
  const start = r["Start Date"] ?? null;
  return {
    awardKey: r.generated_internal_id,
    piid: r["Award ID"],
    parentAwardPiid: null, parentAwardAgencyCode: null, parentAwardAgencyName: null,
    awardingToptierCode: null,
    awardingAgencyName: r["Awarding Agency"] ?? null,
    awardingSubAgencyCode: null,
    awardingSubAgencyName: r["Awarding Sub Agency"] ?? null,
    awardingOfficeName: null,
    fundingSubAgencyCode: null,
    fundingSubAgencyName: r["Funding Sub Agency"] ?? null,
    fundingOfficeName: null,
    recipientName: r["Recipient Name"],
    recipientParentName: null,
    recipientUei: r["Recipient UEI"] ?? null,
    recipientParentUei: null, recipientDuns: null, recipientParentDuns: null,
    description: r.Description ?? null,
    pscCode: null, pscDescription: null, naicsCode: null, naicsDescription: null,
    awardType: r["Contract Award Type"] ?? null,
    baseActionDate: null, latestActionDate: null,
    periodStart: start,
    periodCurrentEnd: r["End Date"] ?? null,
    periodPotentialEnd: null,
    // "Award Amount" is the award's total obligation (spending_by_award contract).
    totalObligated: r["Award Amount"] === null || r["Award Amount"] === undefined ? null : r["Award Amount"].toFixed(2),
    currentValue: null, potentialValue: null,
    fiscalYear: start ? fiscalYearOf(start) : null,
    permalink: `https://www.usaspending.gov/award/${encodeURIComponent(r.generated_internal_id)}/`,
    asOf: r["Last Modified Date"] ?? today,
  };
}

/** Refreshes one company's awards (with its subsidiaries' names); returns the report. */
export async function syncCompany(db: Db, slug: string, options: SyncOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const [company] = await db.select().from(companies).where(eq(companies.slug, slug));
  if (!company) throw new SyncError(`no company "${slug}"`);
  const names = (
    await db
      .select({ alias: companyAliases.alias })
      .from(companyAliases)
      .innerJoin(companies, eq(companies.id, companyAliases.companyId))
      .where(sql`${companyAliases.kind} = 'name' and ${companyAliases.searchable} and ${or(eq(companies.id, company.id), eq(companies.parentId, company.id))}`)
  ).map((a) => a.alias);
  const label = `API: ${slug}`;
  const [run] = await db.insert(awardImports).values({ kind: "api", label, startedBy: options.startedBy ?? null }).returning({ id: awardImports.id });
  try {
    if (names.length === 0) throw new SyncError(`${company.name} has no names to search for: add aliases first`);
    const raw = await fetchAwards(names, { ...options, today });
    const report = new ReportBuilder();
    const records: AwardRecord[] = [];
    raw.forEach((item, i) => {
      report.rowsRead++;
      const parsed = result.safeParse(item);
      if (!parsed.success) return report.reject(i + 1, `result ${i + 1}: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
      report.rowsImported++;
      records.push(toRecord(parsed.data, today));
    });
    const counts = await db.transaction(async (tx) => {
      const [source] = await tx
        .insert(sources)
        .values({ key: `usas-api:${today}`, kind: "usaspending_api", title: `USAspending API search (spending_by_award), ${today}`, publisher: "USAspending.gov", url: "https://api.usaspending.gov/docs/endpoints", licence: "U.S. federal government data, public domain", reliability: "primary", accessedOn: today })
        .onConflictDoUpdate({ target: sources.key, set: { key: sql`excluded.key` } })
        .returning({ id: sources.id });
      const ctx = { tx, resolve: await loadResolver(tx), sourceId: source.id, agencyIds: new Map<string, string>(), onUnmatched: (a: AwardRecord) => report.unmatched(a) };
      for (let i = 0; i < records.length; i += 500) await writeAwardRows(ctx, records.slice(i, i + 500), { partial: true });
      return countChanges(tx);
    });
    const built = report.build({ source: label, layout: "api", ...counts, dateOrder: null, dateOrderAssumed: false, seconds: (Date.now() - started) / 1000 });
    await db.update(awardImports).set({ status: "done", finishedAt: new Date(), report: built }).where(eq(awardImports.id, run.id));
    return built;
  } catch (error) {
    await db.update(awardImports).set({ status: "failed", finishedAt: new Date(), error: (error as Error).message.slice(0, 2000) }).where(eq(awardImports.id, run.id));
    throw error;
  }
}

/** Refreshes every top-level company in turn; one company's failure does not stop the others. */
export async function syncAllCompanies(db: Db, options: SyncOptions = {}): Promise<{ slug: string; report?: ImportReport; error?: string }[]> {
  const rows = await db.select({ slug: companies.slug }).from(companies).where(sql`${companies.parentId} is null`).orderBy(companies.slug);
  const out: { slug: string; report?: ImportReport; error?: string }[] = [];
  for (const { slug } of rows) {
    try {
      out.push({ slug, report: await syncCompany(db, slug, options) });
    } catch (error) {
      out.push({ slug, error: (error as Error).message });
    }
  }
  return out;
}

