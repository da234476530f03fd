import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { awards, citations, companies, facts } from "@/db/schema";
import { loadFactsDataset, SAMPLES_DIR } from "@/db/facts/load";
import { dataset } from "@/db/facts/data";
import { makeResolver } from "./resolve";
import { getCompanyAwards, getFactsForCompanies, listCompaniesWithTotals } from "./queries";
import { companyAliases } from "@/db/schema";

// The claims of the five seed documents, as numbered in shared/research/contract-facts.md §2.
const SEED_CLAIMS = [
  ...Array.from({ length: 12 }, (_, i) => `S0-${i + 1}`),
  ...Array.from({ length: 11 }, (_, i) => `S1-${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `S2-${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `S3-${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `S4-${i + 1}`),
];

type Row = Record<string, string>;
const rowsOf = (name: string): Row[] => parse(fs.readFileSync(path.join(SAMPLES_DIR, name)), { columns: true, bom: true }) as Row[];
const cents = (v: string | null | undefined) => (v ? Math.round(Number(v) * 100) : 0);

describe("the contract-facts dataset", () => {
  it("has every seed claim with its status, and corrects the wrong ones", async () => {
    const db = await getDb();
    const rows = await db.select().from(facts);
    expect(rows.map((f) => f.claimRef).filter(Boolean).sort()).toEqual([...SEED_CLAIMS].sort());
    for (const f of rows.filter((x) => x.status === "wrong" || x.status === "disputed")) {
      expect(f.correction, f.key).toBeTruthy();
      expect(f.correctionEs, f.key).toBeTruthy();
    }
    const wrongMicrosoft = rows.find((f) => f.claimRef === "S0-8")!;
    expect(wrongMicrosoft).toMatchObject({ status: "wrong", amount: "19400000.00", amountKind: "reported_value" });
    expect(rows.find((f) => f.claimRef === "S0-4")).toMatchObject({ status: "wrong", amountKind: "budget" });
    expect(rows.find((f) => f.claimRef === "S3-1")).toMatchObject({ status: "disputed" });
  });

  it("gives every fact at least one supporting citation, and every figure a kind", async () => {
    const db = await getDb();
    const unsupported = await db
      .select({ key: facts.key })
      .from(facts)
      .where(sql`not exists (select 1 from ${citations} where ${citations.factId} = ${facts.id} and ${citations.role} = 'supports')`);
    expect(unsupported).toEqual([]);
    for (const f of dataset) if (f.amount !== undefined) expect(f.kind, f.key).toBeDefined();
    // What the pages get: every fact shown, for every company, has a supporting citation.
    const all = await db.select({ id: companies.id }).from(companies);
    const shown = await getFactsForCompanies(all.map((c) => c.id), db);
    expect(shown.length).toBeGreaterThan(30);
    for (const f of shown) expect(f.citations.some((c) => c.role === "supports"), f.key).toBe(true);
    expect(shown.find((f) => f.status === "unverified")).toBeUndefined();
  });

  it("resolves recipients through aliases and parents only", async () => {
    const db = await getDb();
    const aliases = await db.select({ kind: companyAliases.kind, alias: companyAliases.alias, companyId: companyAliases.companyId }).from(companyAliases);
    const resolve = makeResolver(aliases);
    const slugOf = new Map((await db.select().from(companies)).map((c) => [c.id, c.slug]));
    const at = (recipientName: string, recipientParentName: string | null) => slugOf.get(resolve({ recipientName, recipientParentName }) ?? "") ?? null;
    expect(at("EVIGILANT.COM INC", "EVIGILANT.COM INC")).toBeNull();
    expect(at("VIGILANT SOLUTIONS, INC.", null)).toBe("vigilant-solutions");
    expect(at("DELL FEDERAL SYSTEMS L.P.", "DENALI HOLDING INC")).toBe("dell-federal-systems");
    expect(at("SOME DELL RESELLER LLC", "DENALI HOLDING INC")).toBe("dell");
    expect(at("MICROSOFTIE CONSULTING", null)).toBeNull();
    expect(at("PALANTIR USG  INC.", null)).toBe("palantir-usg");
    expect(at("FEDERAL CARTRIDGE COMPANY", "NORTHROP GRUMMAN INNOVATION SYSTEMS LLC")).toBe("northrop-grumman");
    expect(at("FEDERAL CARTRIDGE COMPANY", "VISTA OUTDOOR INC.")).toBe("vista-outdoor");
  });

  it("totals Thomson Reuters from the raw sample rows, without ceilings", async () => {
    const db = await getDb();
    const summaries = rowsOf("ice-mn-prime-award-summaries-2025.csv");
    const summaryKeys = new Set(summaries.map((r) => r.contract_award_unique_key));
    const trParents = new Set(["REUTERS NEWS & MEDIA INC", "THOMSON REUTERS (MARKETS) LLC", "THOMSON COMPANY INC, THE"]);
    const isTr = (r: Row) => r.recipient_name === "WEST PUBLISHING CORPORATION" || r.recipient_name === "THOMSON REUTERS SPECIAL SERVICES LLC" || trParents.has(r.recipient_parent_name);
    let expected = summaries.filter(isTr).reduce((s, r) => s + cents(r.total_obligated_amount), 0);
    for (const r of rowsOf("ice-prime-transactions-2018-torn-apart.csv").filter(isTr)) {
      const key = `CONT_AWD_${r.award_id_piid}_${r.awarding_sub_agency_code}_${r.parent_award_id || "-NONE-"}_${r.parent_award_agency_id || "-NONE-"}`;
      if (!summaryKeys.has(key)) expected += cents(r.federal_action_obligation);
    }
    const tr = (await listCompaniesWithTotals(db)).find((c) => c.slug === "thomson-reuters")!;
    expect(Math.round(tr.obligated.amount * 100)).toBe(expected);
    expect(tr.obligated.kind).toBe("obligated");
    expect(tr.obligated.fromTransactions).toBeGreaterThan(0);
    expect(tr.byAgency[0].agency.abbreviation).toBe("ICE");
    // Dell's Azure order is shown as a Microsoft product bought through Dell.
    const dell = (await db.select().from(companies).where(eq(companies.slug, "dell")))[0];
    const azure = (await getCompanyAwards(dell.id, db)).awards.find((a) => a.piid === "HSCETE16J00278")!;
    expect(azure.productOf).toEqual({ slug: "microsoft", name: "Microsoft" });
  });

  it("loads once per version, and a forced reload changes nothing", async () => {
    const db = await getDb();
    expect(await loadFactsDataset(db)).toBe(false);
    const before = await db.select().from(awards).orderBy(awards.awardKey);
    const factCount = (await db.select({ n: sql<number>`count(*)::int` }).from(facts))[0].n;
    expect(await loadFactsDataset(db, { force: true })).toBe(true);
    expect(await db.select().from(awards).orderBy(awards.awardKey)).toEqual(before);
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(facts))[0].n).toBe(factCount);
    const [unresolvedWest] = await db.select({ n: sql<number>`count(*)::int` }).from(awards).where(and(eq(awards.recipientName, "WEST PUBLISHING CORPORATION"), sql`${awards.companyId} is null`));
    expect(unresolvedWest.n).toBe(0);
  });
});
