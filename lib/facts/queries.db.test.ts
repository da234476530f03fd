import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { agencies, awards, citations, companies, facts, sources } from "@/db/schema";
import { getCompanyAwards, getFactsForCompanies, listCompaniesWithTotals } from "./queries";

describe("facts queries", () => {
  it("rolls a subsidiary's awards up to its parent and sums only obligations", async () => {
    const db = await getDb();
    const [parent] = await db.insert(companies).values({ slug: "q-parent", name: "Q Parent" }).returning();
    const [child] = await db.insert(companies).values({ slug: "q-child", name: "Q Child", parentId: parent.id }).returning();
    const [agency] = await db.insert(agencies).values({ slug: "q-ice", name: "Q ICE", subtierCode: "Q7012" }).returning();
    await db.insert(awards).values([
      { awardKey: "Q1", piid: "Q1", recipientName: "Q CHILD", companyId: child.id, awardingAgencyId: agency.id, totalObligated: "10.10", potentialValue: "1000000", fiscalYear: 2018, asOf: "2020-01-01" },
      { awardKey: "Q2", piid: "Q2", recipientName: "Q PARENT", companyId: parent.id, awardingAgencyId: agency.id, totalObligated: "0.20", fiscalYear: 2019, asOf: "2019-01-01" },
    ]);
    const all = await listCompaniesWithTotals(db);
    const row = all.find((c) => c.slug === "q-parent")!;
    expect(row.obligated).toMatchObject({ amount: 10.3, kind: "obligated", awards: 2, asOf: "2019-01-01" });
    expect(row.subsidiaries).toEqual([{ slug: "q-child", name: "Q Child" }]);
    expect(all.find((c) => c.slug === "q-child")).toBeUndefined();
    const detail = await getCompanyAwards(parent.id, db);
    expect(detail.awards.map((a) => a.awardKey)).toEqual(["Q1", "Q2"]);
    expect(detail.awards[0].ceiling).toMatchObject({ amount: 1000000, kind: "ceiling" });
    expect(detail.byFiscalYear.map((c) => [c.fiscalYear, c.obligated])).toEqual([[2018, 10.1], [2019, 0.2]]);
  });

  it("returns only facts with a supporting citation", async () => {
    const db = await getDb();
    const [company] = await db.insert(companies).values({ slug: "q-facts", name: "Q Facts" }).returning();
    const [source] = await db.insert(sources).values({ key: "q-src", kind: "news", title: "Q" }).returning();
    const [cited, bare] = await db
      .insert(facts)
      .values([
        { key: "q-cited", companyId: company.id, headline: "cited", status: "verified_press", amount: "19400000", amountKind: "reported_value" },
        { key: "q-bare", companyId: company.id, headline: "bare", status: "reported" },
      ])
      .returning();
    await db.insert(citations).values([{ factId: cited.id, sourceId: source.id }, { factId: bare.id, sourceId: source.id, role: "contradicts" }]);
    const found = await getFactsForCompanies([company.id], db);
    expect(found.map((f) => f.key)).toEqual(["q-cited"]);
    expect(found[0].amount).toMatchObject({ amount: 19400000, kind: "reported_value" });
    expect(found[0].citations[0].source.key).toBe("q-src");
  });
});
