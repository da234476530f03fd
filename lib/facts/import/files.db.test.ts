// The importer on hand-made files: BOM, CRLF, quoted newlines, any column order, date
// orders, de-obligations, empty amounts, rejected rows, malformed files (nothing changes).
import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { awards, awardImports } from "@/db/schema";
import { importUsaspendingFile, FileError } from ".";

const file = (name: string, text: string) => ({ name, open: () => Readable.from([Buffer.from(text)]) });
const csv = (rows: string[][], eol = "\n") => rows.map((r) => r.join(",")).join(eol) + eol;

const SUMMARY_HEADER = ["total_obligated_amount", "recipient_parent_name", "award_id_piid", "recipient_name", "contract_award_unique_key", "award_base_action_date", "potential_total_value_of_award"];

describe("importing hand-made files", () => {
  it("reads a BOM, CRLF, quoted newlines and columns in any order", async () => {
    const db = await getDb();
    const text =
      "\uFEFF" +
      csv(
        [
          SUMMARY_HEADER,
          ["1000.50", "DENALI HOLDING INC", "T1", '"DELL FEDERAL SYSTEMS, L.P."', "CONT_AWD_T1_7012_-NONE-_-NONE-", "2019-10-01", "99999999"],
          ["", "", "T2", '"EVIGILANT.COM\r\nINC"', "CONT_AWD_T2_7012_-NONE-_-NONE-", "2018-03-04 00:00:00", ""],
        ],
        "\r\n",
      );
    const report = await importUsaspendingFile(db, file("bom.csv", text));
    expect(report).toMatchObject({ rowsRead: 2, rowsImported: 2, awardsNew: 2, rejectedCount: 0, dateOrderAssumed: true });
    const [t1] = await db.select().from(awards).where(eq(awards.awardKey, "CONT_AWD_T1_7012_-NONE-_-NONE-"));
    expect(t1).toMatchObject({ totalObligated: "1000.50", potentialValue: "99999999.00", fiscalYear: 2020, baseActionDate: "2019-10-01" });
    expect(t1.companyId).not.toBeNull(); // Dell, through its parent name
    const [t2] = await db.select().from(awards).where(eq(awards.awardKey, "CONT_AWD_T2_7012_-NONE-_-NONE-"));
    expect(t2).toMatchObject({ totalObligated: null, recipientName: "EVIGILANT.COM\r\nINC", companyId: null });
    expect(report.unmatched[0]).toEqual({ name: "EVIGILANT COM INC", rows: 1 });
  });

  it("tells day-first from month-first by the values, and by the fiscal year beside a date", async () => {
    const db = await getDb();
    const header = [...SUMMARY_HEADER, "award_base_action_date_fiscal_year"];
    const dayFirst = csv([header, ["1", "", "D1", "X", "CONT_AWD_D1_7012_-NONE-_-NONE-", "04/05/2018", "", "2018"], ["1", "", "D2", "X", "CONT_AWD_D2_7012_-NONE-_-NONE-", "25/12/2017", "", "2018"]]);
    expect((await importUsaspendingFile(db, file("dmy.csv", dayFirst))).dateOrder).toBe("dmy");
    const [d1] = await db.select().from(awards).where(eq(awards.awardKey, "CONT_AWD_D1_7012_-NONE-_-NONE-"));
    expect(d1.baseActionDate).toBe("2018-05-04");
    // 1/10/17 beside fiscal year 2018: month-first would be 10 January 2017 (FY2017), so it is day-first, 1 October 2017.
    const byFiscalYear = csv([header, ["1", "", "F1", "X", "CONT_AWD_F1_7012_-NONE-_-NONE-", "1/10/17", "", "2018"]]);
    const report = await importUsaspendingFile(db, file("fy.csv", byFiscalYear));
    expect([report.dateOrder, report.dateOrderAssumed]).toEqual(["dmy", false]);
    const mixed = csv([header, ["1", "", "M1", "X", "CONT_AWD_M1_7012_-NONE-_-NONE-", "25/12/2017", "", ""], ["1", "", "M2", "X", "CONT_AWD_M2_7012_-NONE-_-NONE-", "12/25/2017", "", ""]]);
    await expect(importUsaspendingFile(db, file("mixed.csv", mixed))).rejects.toThrow(/line 3: "12\/25\/2017" can only be month-first, but line 2/);
  });

  it("rejects bad rows with their line and reason, and imports the rest", async () => {
    const db = await getDb();
    const text = csv([
      SUMMARY_HEADER,
      ["12.00", "", "R1", "X", "CONT_AWD_R1_7012_-NONE-_-NONE-", "2018-01-01", ""],
      ["lots", "", "R2", "X", "CONT_AWD_R2_7012_-NONE-_-NONE-", "2018-01-01", ""],
      ["1", "", "R3", "X", "CONT_AWD_R3_7012_-NONE-_-NONE-", "2018-02-30", ""],
      ["1", "", "", "X", "CONT_AWD_R4_7012_-NONE-_-NONE-", "2018-01-01", ""],
      ["(5.25)", "", "R5", "X", "CONT_AWD_R5_7012_-NONE-_-NONE-", "2018-01-01", ""],
    ]);
    const report = await importUsaspendingFile(db, file("rows.csv", text));
    expect(report.rejected).toEqual([
      { line: 3, reason: 'total_obligated_amount: "lots" is not an amount' },
      { line: 4, reason: 'award_base_action_date: "2018-02-30" is not a date' },
      { line: 5, reason: "award_id_piid is empty" },
    ]);
    const [r5] = await db.select().from(awards).where(eq(awards.awardKey, "CONT_AWD_R5_7012_-NONE-_-NONE-"));
    expect(r5.totalObligated).toBe("-5.25");
  });

  it("rolls up the current transactions layout by its own keys, in any column order", async () => {
    const db = await getDb();
    const header = ["federal_action_obligation", "contract_transaction_unique_key", "action_date", "modification_number", "recipient_name", "contract_award_unique_key", "award_id_piid", "current_total_value_of_award", "potential_total_value_of_award", "action_date_fiscal_year"];
    const key = "CONT_AWD_TX1_7012_-NONE-_-NONE-";
    const text = csv([
      header,
      ["1000.00", "7012_-NONE-_TX1_0_-NONE-_0", "2019-10-02", "0", "X CORP", key, "TX1", "1000", "5000", "2020"],
      ["-250.50", "7012_-NONE-_TX1_P00001_-NONE-_0", "2020-03-01", "P00001", "X CORP", key, "TX1", "749.50", "5000", "2020"],
      ["", "7012_-NONE-_TX1_P00002_-NONE-_0", "2020-04-01", "P00002", "X CORP", key, "TX1", "", "", "2020"],
    ]);
    const report = await importUsaspendingFile(db, file("Contracts_PrimeTransactions_test.csv", text));
    expect(report).toMatchObject({ layout: "transactions", rowsRead: 3, awardsNew: 1, rejectedCount: 0 });
    const [award] = await db.select().from(awards).where(eq(awards.awardKey, key));
    expect(award).toMatchObject({
      obligationBasis: "transactions",
      totalObligated: "749.50",
      currentValue: "749.50", // the latest action that states one
      potentialValue: "5000.00",
      baseActionDate: "2019-10-02",
      latestActionDate: "2020-04-01",
      fiscalYear: 2020,
    });
  });

  it("refuses a malformed file, naming the line, and changes nothing", async () => {
    const db = await getDb();
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(awards))[0].n;
    const before = await count();
    const good = ["1", "", "B1", "X", "CONT_AWD_B1_7012_-NONE-_-NONE-", "2018-01-01", ""];
    const shortRow = csv([SUMMARY_HEADER, good, ["1", "", "B2"]]);
    await expect(importUsaspendingFile(db, file("short.csv", shortRow))).rejects.toThrow(new FileError("this row has 3 fields, the header has 7", 3));
    const openQuote = csv([SUMMARY_HEADER, good, ['"1', "", "B3", "X", "K", "2018-01-01", ""]]);
    await expect(importUsaspendingFile(db, file("quote.csv", openQuote))).rejects.toThrow(/^line \d+: a quoted field is never closed|^line \d+: /);
    await expect(importUsaspendingFile(db, file("other.csv", "name,amount\nx,1\n"))).rejects.toThrow(/line 1: this is not a USAspending contracts file/);
    await expect(importUsaspendingFile(db, file("empty.csv", ""))).rejects.toThrow(/empty/);
    expect(await count()).toBe(before);
  });

  it("keeps nothing of a file that fails half-way through the write", async () => {
    const db = await getDb();
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(awards))[0].n;
    const rows = [SUMMARY_HEADER, ...Array.from({ length: 30 }, (_, i) => ["1", "", `H${i}`, "X", `CONT_AWD_H${i}_7012_-NONE-_-NONE-`, "2018-01-01", ""])];
    let opened = 0;
    // The second read (the write pass) ends in a fault after the first batch is written.
    const flaky = {
      name: "flaky.csv",
      open: () => {
        opened++;
        if (opened === 1) return Readable.from([Buffer.from(csv(rows))]);
        return Readable.from((async function* () {
          yield Buffer.from(csv(rows.slice(0, 25)));
          throw new Error("disk read failed");
        })());
      },
    };
    await expect(importUsaspendingFile(db, flaky, { batchSize: 10 })).rejects.toThrow(/disk read failed/);
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(awards))[0].n).toBe(before);
    const [run] = await db.select().from(awardImports).where(eq(awardImports.label, "flaky.csv"));
    expect(run).toMatchObject({ status: "failed", error: "disk read failed" });
  });
});
