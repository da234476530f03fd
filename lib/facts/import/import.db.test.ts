import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { awards, awardTransactions } from "@/db/schema";
import { importUsaspendingFile } from ".";

const DIR = path.join(process.cwd(), "db/facts/usaspending");
const SUMMARIES = path.join(DIR, "ice-mn-prime-award-summaries-2025.csv");
const TRANSACTIONS = path.join(DIR, "ice-prime-transactions-2018-torn-apart.csv");

const fileOf = (p: string) => ({ name: path.basename(p), open: () => fs.createReadStream(p), size: fs.statSync(p).size });
const cents = (v: string | null | undefined) => (v ? Math.round(Number(v) * 100) : 0);

type Row = Record<string, string>;
const rowsOf = (p: string): Row[] => parse(fs.readFileSync(p), { columns: true, bom: true }) as Row[];

describe("importing USAspending files", () => {
  beforeAll(async () => {
    const db = await getDb();
    // Isolate from the dataset: this file checks the importer alone, on an empty award table.
    await db.execute(sql`truncate awards cascade`);
  });

  it("imports the award-summaries sample with the totals of its raw rows", async () => {
    const db = await getDb();
    const raw = rowsOf(SUMMARIES);
    const report = await importUsaspendingFile(db, fileOf(SUMMARIES));
    const keys = new Set(raw.map((r) => r.contract_award_unique_key));
    expect(report).toMatchObject({ layout: "award_summaries", rowsRead: raw.length, rowsImported: raw.length, awardsNew: keys.size, awardsUpdated: 0, rejectedCount: 0, dateOrder: "mdy" });
    const stored = await db.select().from(awards);
    const byKey = new Map(stored.map((a) => [a.awardKey, a]));
    for (const r of raw) {
      const a = byKey.get(r.contract_award_unique_key)!;
      expect(cents(a.totalObligated)).toBe(cents(r.total_obligated_amount));
      expect(a.permalink).toBe(r.usaspending_permalink);
    }
    const total = raw.reduce((sum, r) => sum + cents(r.total_obligated_amount), 0);
    const [{ sum }] = await db.select({ sum: sql<string>`sum(round(total_obligated * 100))` }).from(awards);
    expect(Number(sum)).toBe(total);
    // 12/22/17 is month-first; the key's award began on 22 December 2017, fiscal year 2018.
    const lpr = byKey.get("CONT_AWD_70CDCR18P00000017_7012_-NONE-_-NONE-")!;
    expect([lpr.baseActionDate, lpr.fiscalYear]).toEqual(["2017-12-22", 2018]);
  });

  it("changes nothing when the same file is imported twice", async () => {
    const db = await getDb();
    const before = await db.select().from(awards);
    const report = await importUsaspendingFile(db, fileOf(SUMMARIES));
    expect([report.awardsNew, report.awardsUpdated]).toEqual([0, 0]);
    expect(await db.select().from(awards)).toEqual(before);
  });

  it("rolls the transactions sample up into awards, day-first, summing obligations", async () => {
    const db = await getDb();
    const raw = rowsOf(TRANSACTIONS);
    const summaryKeys = new Set(rowsOf(SUMMARIES).map((r) => r.contract_award_unique_key));
    const report = await importUsaspendingFile(db, fileOf(TRANSACTIONS));
    expect(report).toMatchObject({ layout: "transactions", rowsRead: raw.length, rejectedCount: 0, dateOrder: "dmy" });
    const expected = new Map<string, number>();
    for (const r of raw) {
      const key = `CONT_AWD_${r.award_id_piid}_${r.awarding_sub_agency_code}_${r.parent_award_id || "-NONE-"}_${r.parent_award_agency_id || "-NONE-"}`;
      expected.set(key, (expected.get(key) ?? 0) + cents(r.federal_action_obligation));
    }
    const transactionOnly = [...expected.keys()].filter((k) => !summaryKeys.has(k));
    expect(report.awardsNew).toBe(transactionOnly.length);
    for (const key of expected.keys()) {
      const [a] = await db.select().from(awards).where(eq(awards.awardKey, key));
      if (summaryKeys.has(key)) {
        // The award's own total (summary file) wins over a partial sum of transactions.
        expect(a.obligationBasis).toBe("award_total");
      } else {
        expect(a.obligationBasis).toBe("transactions");
        expect(cents(a.totalObligated)).toBe(expected.get(key));
      }
    }
    expect((await db.select().from(awardTransactions)).length).toBe(raw.length);
    // A de-obligation (CSI Aviation, -4,277,736) is stored negative.
    const [csi] = await db.select().from(awardTransactions).where(eq(awardTransactions.federalActionObligation, "-4277736.00"));
    expect(csi.actionDate).toBe("2018-06-08");
    const again = await importUsaspendingFile(db, fileOf(TRANSACTIONS));
    expect([again.awardsNew, again.awardsUpdated]).toEqual([0, 0]);
  });
});
