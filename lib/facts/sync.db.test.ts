import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { awards, companies, companyAliases } from "@/db/schema";
import { standinAward, startUsaspendingStandin, type UsaspendingStandin } from "@/test/usaspending-standin";
import { normaliseName } from "./names";
import { syncCompany } from "./sync";

const FALCON = "CONT_AWD_HSCETC15C00001_7012_-NONE-_-NONE-";
let standin: UsaspendingStandin;
const options = () => ({ baseUrl: standin.url, timeoutMs: 500, attempts: 2, today: "2025-06-01" });
const count = async () => (await (await getDb()).select({ n: sql<number>`count(*)::int` }).from(awards))[0].n;

describe("syncing awards from the USAspending API (stand-in)", () => {
  beforeAll(async () => {
    standin = await startUsaspendingStandin([
      { ...standinAward(1, "HSCETC15C00001", "PALANTIR TECHNOLOGIES INC.", 41234567.89), generated_internal_id: FALCON },
      standinAward(2, "70TESTPAL0001", "PALANTIR USG, INC.", 1000),
      standinAward(3, "70TESTEVG0001", "EVIGILANT.COM INC", 5000),
      standinAward(4, "70TESTVIG0001", "VIGILANT SOLUTIONS, INC.", 7000),
      ...Array.from({ length: 230 }, (_, i) => standinAward(10 + i, `70TESTPAGED${String(i).padStart(4, "0")}`, "PAGED CORP", 100 + i)),
    ]);
    const db = await getDb();
    const [paged] = await db.insert(companies).values({ slug: "paged-corp", name: "Paged Corp" }).returning();
    await db.insert(companyAliases).values({ companyId: paged.id, alias: normaliseName("PAGED CORP") });
  });
  afterAll(() => standin.close());
  beforeEach(() => standin.reset());

  it("upserts a company's awards, keeps what the API does not send, and changes nothing the second time", async () => {
    const db = await getDb();
    const [before] = await db.select().from(awards).where(eq(awards.awardKey, FALCON));
    const report = await syncCompany(db, "palantir", options());
    expect(report).toMatchObject({ layout: "api", rowsRead: 2, rowsImported: 2, awardsNew: 1, awardsUpdated: 1, unmatchedRows: 0 });
    const [after] = await db.select().from(awards).where(eq(awards.awardKey, FALCON));
    expect(after.totalObligated).toBe("41234567.89");
    expect(after.potentialValue).toBe(before.potentialValue); // not in the API's answer: kept
    expect(standin.requests()[0].names).toEqual(expect.arrayContaining(["PALANTIR TECHNOLOGIES INC", "PALANTIR USG INC"]));
    expect(standin.requests()[0].body).toMatchObject({ filters: { award_type_codes: ["A", "B", "C", "D"] }, limit: 100, page: 1 });
    const again = await syncCompany(db, "palantir", options());
    expect([again.awardsNew, again.awardsUpdated]).toEqual([0, 0]);
  });

  it("follows pages", async () => {
    const report = await syncCompany(await getDb(), "paged-corp", options());
    expect(standin.requests().map((r) => r.page)).toEqual([1, 2, 3]);
    expect(report).toMatchObject({ rowsRead: 230, awardsNew: 230 });
  });

  it("never files a loose search match under the company (EVIGILANT.COM is not Vigilant)", async () => {
    const db = await getDb();
    const report = await syncCompany(db, "vigilant-solutions", options());
    expect(report.unmatched).toEqual([{ name: "EVIGILANT COM INC", rows: 1 }]);
    const [evigilant] = await db.select().from(awards).where(eq(awards.piid, "70TESTEVG0001"));
    expect(evigilant.companyId).toBeNull();
  });

  it("tries a 500 again, and fails clearly when it persists, changing nothing", async () => {
    const db = await getDb();
    standin.failNext(1);
    await expect(syncCompany(db, "palantir", options())).resolves.toMatchObject({ rowsRead: 2 });
    standin.awards.push(standinAward(900, "70TESTPAL0900", "PALANTIR TECHNOLOGIES INC.", 1));
    const before = await count();
    standin.failNext(2);
    await expect(syncCompany(db, "palantir", options())).rejects.toThrow("USAspending answered 500; tried 2 times");
    expect(await count()).toBe(before);
  });

  it("gives up on a server that does not answer, changing nothing", async () => {
    const db = await getDb();
    const before = await count();
    standin.hangNext(2);
    await expect(syncCompany(db, "palantir", options())).rejects.toThrow("USAspending did not answer within 0.5 s; tried 2 times");
    expect(await count()).toBe(before);
    // The first page answers, the second never does: nothing of the first is written either.
    const first = standin.awards.find((a) => a["Recipient Name"] === "PAGED CORP")!;
    first["Award Amount"] = 999999;
    standin.passNext(1);
    standin.hangNext(2);
    await expect(syncCompany(db, "paged-corp", options())).rejects.toThrow(/did not answer/);
    const [stored] = await db.select().from(awards).where(eq(awards.awardKey, first.generated_internal_id));
    expect(stored?.totalObligated).not.toBe("999999.00");
    expect(standin.requests().slice(-3).map((r) => r.page)).toEqual([1, 2, 2]);
  });
});
