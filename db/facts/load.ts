// Loads the contract-facts dataset (db/facts/data/ and the USAspending samples in
// db/facts/usaspending/) at first start and whenever DATASET_VERSION grows. Every step
// is an upsert, so a load interrupted half-way simply runs again at the next start.
// Bump DATASET_VERSION whenever a file in db/facts/ changes.
import fs from "node:fs";
import path from "node:path";
import { eq, inArray, notInArray, sql } from "drizzle-orm";
import { agencies, awards, citations, companies, companyAliases, datasetVersions, facts, sources } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { importUsaspendingFile } from "@/lib/facts/import";
import { normaliseName } from "@/lib/facts/names";
import { loadResolver } from "@/lib/facts/resolve";
import { agencies as agencyData } from "./data/agencies";
import { companies as companyData, resales } from "./data/companies";
import { dataset } from "./data";
import { sources as sourceData } from "./data/sources";

export const DATASET_NAME = "contract-facts";
export const DATASET_VERSION = 1;
export const SAMPLES_DIR = path.join(process.cwd(), "db", "facts", "usaspending");
/** Award summaries first: their totals are the awards' own, transaction rows then only add evidence. */
export const SAMPLE_FILES = ["ice-mn-prime-award-summaries-2025.csv", "ice-prime-transactions-2018-torn-apart.csv"];

export async function datasetVersion(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ version: datasetVersions.version }).from(datasetVersions).where(eq(datasetVersions.name, DATASET_NAME));
  return row?.version ?? 0;
}

/** Loads the dataset when the database holds an older version (or none); true when it loaded. */
export async function loadFactsDataset(db: Db, options: { force?: boolean } = {}): Promise<boolean> {
  if (!options.force && (await datasetVersion(db)) >= DATASET_VERSION) return false;
  await db.transaction((tx) => loadReferenceData(tx));
  for (const name of SAMPLE_FILES) {
    const file = path.join(SAMPLES_DIR, name);
    await importUsaspendingFile(db, { name, open: () => fs.createReadStream(file) }, { kind: "dataset" });
  }
  await db.transaction(async (tx) => {
    await resolveAwards(tx);
    await loadFacts(tx);
    await tx
      .insert(datasetVersions)
      .values({ name: DATASET_NAME, version: DATASET_VERSION })
      .onConflictDoUpdate({ target: datasetVersions.name, set: { version: DATASET_VERSION, loadedAt: new Date() } });
  });
  return true;
}

async function idsBySlug(tx: DbOrTx, table: typeof companies | typeof agencies): Promise<Map<string, string>> {
  const rows = await tx.select({ id: table.id, slug: table.slug }).from(table);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

function must(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`facts dataset: unknown ${what} "${key}"`);
  return id;
}

async function loadReferenceData(tx: DbOrTx): Promise<void> {
  for (const a of agencyData) {
    const values = { slug: a.slug, name: a.name, nameEs: a.nameEs, abbreviation: a.abbreviation, jurisdiction: a.jurisdiction ?? "us", toptierCode: a.toptierCode ?? null };
    // A subtier code may already be on a row the importer created for it.
    if (a.subtierCode) await tx.update(agencies).set(values).where(eq(agencies.subtierCode, a.subtierCode));
    await tx
      .insert(agencies)
      .values({ ...values, subtierCode: a.subtierCode ?? null })
      .onConflictDoUpdate({ target: agencies.slug, set: values });
  }
  const agencyIds = await idsBySlug(tx, agencies);
  for (const a of agencyData.filter((x) => x.parent)) {
    await tx.update(agencies).set({ parentId: must(agencyIds, a.parent!, "agency") }).where(eq(agencies.slug, a.slug));
  }
  for (const c of companyData) {
    const values = { name: c.name, summary: c.summary, summaryEs: c.summaryEs };
    await tx.insert(companies).values({ slug: c.slug, ...values }).onConflictDoUpdate({ target: companies.slug, set: values });
  }
  const companyIds = await idsBySlug(tx, companies);
  for (const c of companyData) {
    await tx.update(companies).set({ parentId: c.parent ? must(companyIds, c.parent, "company") : null }).where(eq(companies.slug, c.slug));
    for (const alias of c.aliases) {
      await tx
        .insert(companyAliases)
        .values({ companyId: companyIds.get(c.slug)!, kind: "name", alias: normaliseName(alias) })
        .onConflictDoUpdate({ target: [companyAliases.kind, companyAliases.alias], set: { companyId: companyIds.get(c.slug)! } });
    }
  }
  for (const s of sourceData) {
    const values = {
      kind: s.kind, title: s.title, publisher: s.publisher ?? null, author: s.author ?? null, publishedOn: s.publishedOn ?? null,
      url: s.url ?? null, licence: s.licence ?? null, reliability: s.reliability, note: s.note ?? null,
    };
    await tx.insert(sources).values({ key: s.key, ...values }).onConflictDoUpdate({ target: sources.key, set: values });
  }
}

/**
 * Resolves every award again with the current aliases (an alias added to the dataset
 * reaches awards imported before it), one update per distinct set of recipient names.
 */
export async function resolveAwards(tx: DbOrTx): Promise<number> {
  const resolve = await loadResolver(tx);
  const groups = await tx
    .selectDistinct({ recipientName: awards.recipientName, recipientParentName: awards.recipientParentName, recipientUei: awards.recipientUei, recipientParentUei: awards.recipientParentUei, companyId: awards.companyId })
    .from(awards);
  let changed = 0;
  for (const g of groups) {
    const companyId = resolve(g);
    if (companyId === g.companyId) continue;
    changed++;
    await tx
      .update(awards)
      .set({ companyId })
      .where(
        sql`${awards.recipientName} = ${g.recipientName}
          and ${awards.recipientParentName} is not distinct from ${g.recipientParentName}
          and ${awards.recipientUei} is not distinct from ${g.recipientUei}
          and ${awards.recipientParentUei} is not distinct from ${g.recipientParentUei}`,
      );
  }
  const companyIds = await idsBySlug(tx, companies);
  for (const r of resales) {
    await tx.update(awards).set({ productCompanyId: must(companyIds, r.product, "company") }).where(eq(awards.awardKey, r.award));
  }
  return changed;
}

async function loadFacts(tx: DbOrTx): Promise<void> {
  const companyIds = await idsBySlug(tx, companies);
  const agencyIds = await idsBySlug(tx, agencies);
  const sourceRows = await tx.select({ id: sources.id, key: sources.key }).from(sources);
  const sourceIds = new Map(sourceRows.map((s) => [s.key, s.id]));
  const awardKeys = dataset.flatMap((f) => (f.award ? [f.award] : []));
  const present = new Set(
    awardKeys.length ? (await tx.select({ key: awards.awardKey }).from(awards).where(inArray(awards.awardKey, awardKeys))).map((a) => a.key) : [],
  );
  for (const f of dataset) {
    const values = {
      companyId: f.company ? must(companyIds, f.company, "company") : null,
      agencyId: f.agency ? must(agencyIds, f.agency, "agency") : null,
      program: f.program ?? null,
      headline: f.headline,
      headlineEs: f.headlineEs,
      amount: f.amount === undefined ? null : f.amount.toFixed(2),
      currency: f.currency ?? ("USD" as const),
      amountKind: f.kind ?? null,
      amountAsOf: f.asOf ?? null,
      eventDate: f.eventDate ?? null,
      eventDatePrecision: f.precision ?? ("day" as const),
      awardKey: f.award && present.has(f.award) ? f.award : null,
      status: f.status,
      claimRef: f.claim ?? null,
      claimed: f.claimed ?? null,
      correction: f.correction ?? null,
      correctionEs: f.correctionEs ?? null,
      weight: f.weight ?? 0,
      updatedAt: new Date(),
    };
    const [row] = await tx.insert(facts).values({ key: f.key, ...values }).onConflictDoUpdate({ target: facts.key, set: values }).returning({ id: facts.id });
    await tx.delete(citations).where(eq(citations.factId, row.id));
    await tx.insert(citations).values(
      f.cite.map((c) => ({ factId: row.id, sourceId: must(sourceIds, c.source, "source"), role: c.role ?? ("supports" as const), locator: c.locator ?? null })),
    );
  }
  // Facts dropped from the dataset leave the database too.
  await tx.delete(facts).where(notInArray(facts.key, dataset.map((f) => f.key)));
}
