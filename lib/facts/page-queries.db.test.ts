// The fact pages' reads and the companies API on a real database: a parent with a
// subsidiary, a reseller selling the parent's product, ceilings that must not be added,
// facts with and without a supporting citation, and campaigns aimed at the company.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { agencies, awards, campaignTargets, citations, companies, facts, sources } from "@/db/schema";
import { createCampaign, createMember } from "@/test/workspace-fixtures";
import { forgetFacts, getCampaignFactsPanel, getCompanyPage, listCompaniesForPage, PANEL_FACTS } from "./page-queries";
import { GET as listRoute } from "@/app/api/v1/companies/route";
import { GET as companyRoute } from "@/app/api/v1/companies/[slug]/route";

let campaignId = "";
let closedSlug = "";

beforeAll(async () => {
  const db = await getDb();
  const [acme] = await db.insert(companies).values({ slug: "pq-acme", name: "PQ Acme", summary: "Sells data.", summaryEs: "Vende datos." }).returning();
  const [sub] = await db.insert(companies).values({ slug: "pq-acme-sub", name: "PQ Acme Sub", parentId: acme.id }).returning();
  const [reseller] = await db.insert(companies).values({ slug: "pq-reseller", name: "PQ Reseller" }).returning();
  const [ice, cbp] = await db
    .insert(agencies)
    .values([
      { slug: "pq-ice", name: "PQ Immigration", nameEs: "PQ Inmigración", abbreviation: "PQICE", subtierCode: "PQ1" },
      { slug: "pq-cbp", name: "PQ Border", abbreviation: "PQCBP", subtierCode: "PQ2" },
    ])
    .returning();
  await db.insert(awards).values([
    // A ceiling of a billion on an award that obligated 10.10: the total must not see it.
    { awardKey: "PQ-1", piid: "PQ1", recipientName: "PQ ACME SUB LLC", companyId: sub.id, awardingAgencyId: ice.id, totalObligated: "10.10", currentValue: "20", potentialValue: "1000000000", fiscalYear: 2018, baseActionDate: "2017-12-22", permalink: "https://www.usaspending.gov/award/PQ-1/", asOf: "2018-07-04" },
    { awardKey: "PQ-2", piid: "PQ2", recipientName: "PQ ACME", companyId: acme.id, awardingAgencyId: cbp.id, totalObligated: "0.20", fiscalYear: 2021, asOf: "2025-03-21", obligationBasis: "transactions" },
    { awardKey: "PQ-3", piid: "PQ3", recipientName: "PQ ACME", companyId: acme.id, awardingAgencyId: ice.id, totalObligated: null, potentialValue: "5000", fiscalYear: 2019, asOf: "2025-03-21" },
    // Acme's product bought through the reseller: the reseller's money, not Acme's.
    { awardKey: "PQ-4", piid: "PQ4", recipientName: "PQ RESELLER INC", companyId: reseller.id, productCompanyId: acme.id, awardingAgencyId: ice.id, totalObligated: "34933.69", description: "CLOUD UNITS", fiscalYear: 2016, asOf: "2018-07-04" },
  ]);
  const [press, record, seed] = await db
    .insert(sources)
    .values([
      { key: "pq-press", kind: "news", title: "PQ story", publisher: "PQ Times", publishedOn: "2018-06-21", url: "https://example.org/pq-story" },
      { key: "pq-record", kind: "usaspending_award", title: "PQ1", publisher: "USAspending.gov", url: "https://www.usaspending.gov/award/PQ-1/", reliability: "primary" },
      { key: "pq-seed", kind: "seed", title: "PQ seed" },
    ])
    .returning();
  const inserted = await db
    .insert(facts)
    .values([
      { key: "pq-heavy", companyId: sub.id, agencyId: ice.id, headline: "Heavy fact", headlineEs: "Dato pesado", amount: "39340900.82", amountKind: "current_value", amountAsOf: "2018-05-30", status: "verified_record", weight: 9 },
      { key: "pq-press", companyId: acme.id, headline: "Press fact", status: "verified_press", weight: 5 },
      { key: "pq-nolink", companyId: acme.id, headline: "Known only from a print report", status: "verified_press", weight: 8 },
      { key: "pq-reported", companyId: acme.id, headline: "Reported fact", status: "reported", weight: 4 },
      { key: "pq-light", companyId: acme.id, headline: "Light fact", status: "reported", weight: 1 },
      { key: "pq-wrong", companyId: acme.id, headline: "It was $19.4 million", status: "wrong", claimed: "$19.4 billion", correction: "Million, not billion.", amount: "19400000", amountKind: "reported_value", weight: 10 },
      { key: "pq-uncited", companyId: acme.id, headline: "No support", status: "verified_press", weight: 100 },
    ])
    .returning();
  const id = (key: string) => inserted.find((f) => f.key === key)!.id;
  await db.insert(citations).values([
    { factId: id("pq-heavy"), sourceId: record.id },
    { factId: id("pq-heavy"), sourceId: press.id },
    { factId: id("pq-press"), sourceId: press.id },
    { factId: id("pq-nolink"), sourceId: seed.id },
    { factId: id("pq-reported"), sourceId: press.id },
    { factId: id("pq-light"), sourceId: press.id },
    { factId: id("pq-wrong"), sourceId: press.id },
    { factId: id("pq-wrong"), sourceId: seed.id, role: "contradicts" },
    { factId: id("pq-uncited"), sourceId: seed.id, role: "context" },
  ]);
  const { groupId } = await createMember();
  const live = await createCampaign(groupId, { slug: "pq-live", status: "live", title: "PQ live", titleEs: "PQ activa", publishedAt: new Date() });
  const closed = await createCampaign(groupId, { slug: "pq-closed", status: "closed", title: "PQ closed" });
  const draft = await createCampaign(groupId, { slug: "pq-draft", status: "draft", title: "PQ draft" });
  await db.insert(campaignTargets).values([
    { campaignId: live.id, companyId: acme.id },
    { campaignId: closed.id, companyId: sub.id },
    { campaignId: draft.id, companyId: acme.id },
  ]);
  campaignId = live.id;
  closedSlug = closed.slug;
  forgetFacts();
});

describe("the companies list", () => {
  it("rolls the subsidiary up, sums only obligations and says what the sum covers", async () => {
    const list = await listCompaniesForPage("en");
    const acme = list.find((c) => c.slug === "pq-acme")!;
    expect(list.find((c) => c.slug === "pq-acme-sub")).toBeUndefined();
    expect(acme.subsidiaries).toEqual([{ slug: "pq-acme-sub", name: "PQ Acme Sub" }]);
    // 10.10 + 0.20: no ceiling, no current value, not the reseller's 34,933.69.
    expect(acme.obligated).toMatchObject({ amount: 10.3, kind: "obligated", awards: 3, asOf: "2018-07-04", asOfLatest: "2025-03-21" });
    expect(acme.obligated.agencies.map((a) => a.abbreviation).sort()).toEqual(["PQCBP", "PQICE"]);
    expect(acme.liveCampaigns).toEqual([{ slug: "pq-live", title: "PQ live", status: "live" }]);
    const reseller = list.find((c) => c.slug === "pq-reseller")!;
    expect(reseller.obligated).toMatchObject({ amount: 34933.69, viaReseller: 1 });
  });

  it("answers the API with the same figures and what each total sums", async () => {
    const response = await listRoute(new Request("http://test/api/v1/companies", { headers: { "accept-language": "es" } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const { data } = (await response.json()) as { data: { slug: string; summary: string; obligated: Record<string, unknown>; liveCampaigns: unknown[] }[] };
    const acme = data.find((c) => c.slug === "pq-acme")!;
    expect(acme.summary).toBe("Vende datos.");
    expect(acme.obligated).toMatchObject({ amount: 10.3, currency: "USD", kind: "obligated", awards: 3, asOf: "2018-07-04" });
    expect(acme.obligated.sums).toBe("La suma de lo comprometido en 3 contratos de PQICE, PQCBP. No incluye los topes.");
    expect(acme.liveCampaigns).toEqual([{ slug: "pq-live", title: "PQ activa" }]);
  });
});

describe("a company's page", () => {
  it("has its awards with their three amounts apart, its chart cells, and the reseller's sales apart", async () => {
    const page = (await getCompanyPage("pq-acme", "en"))!;
    expect(page.awards.map((a) => a.awardKey).sort()).toEqual(["PQ-1", "PQ-2", "PQ-3"]);
    const pq1 = page.awards.find((a) => a.awardKey === "PQ-1")!;
    expect(pq1.obligated).toMatchObject({ amount: 10.1, kind: "obligated", asOf: "2018-07-04" });
    expect(pq1.ceiling).toMatchObject({ amount: 1e9, kind: "ceiling" });
    expect(page.obligated).toMatchObject({ amount: 10.3, awards: 3, fromTransactions: 1 });
    expect(page.byFiscalYear.map((c) => [c.fiscalYear, c.agency.abbreviation, c.obligated])).toEqual([
      [2018, "PQICE", 10.1],
      [2021, "PQCBP", 0.2],
    ]);
    expect(page.resold.map((a) => [a.awardKey, a.productOf?.slug, a.company?.slug])).toEqual([["PQ-4", "pq-acme", "pq-reseller"]]);
    expect(page.resoldTotal).toMatchObject({ amount: 34933.69, awards: 1 });
    expect(page.campaigns.map((c) => c.slug).sort()).toEqual([closedSlug, "pq-live"].sort());
  });

  it("shows only facts with a supporting citation, heaviest first, with every citation", async () => {
    const page = (await getCompanyPage("pq-acme", "en"))!;
    expect(page.facts.map((f) => f.key)).toEqual(["pq-wrong", "pq-heavy", "pq-nolink", "pq-press", "pq-reported", "pq-light"]);
    for (const fact of page.facts) expect(fact.citations.some((c) => c.role === "supports")).toBe(true);
    expect(page.facts[0]).toMatchObject({ status: "wrong", claimed: "$19.4 billion", correction: "Million, not billion." });
    expect(page.facts[0].citations.map((c) => c.role).sort()).toEqual(["contradicts", "supports"]);
  });

  it("answers the API by slug, in the caller's language, and 404 for unknown or hostile slugs", async () => {
    const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
    const response = await companyRoute(new Request("http://test/api/v1/companies/pq-acme", { headers: { "accept-language": "es" } }), params("pq-acme"));
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.totalsByAgency.map((t: { agency: { slug: string }; obligated: { amount: number } }) => [t.agency.slug, t.obligated.amount])).toEqual([
      ["pq-ice", 10.1],
      ["pq-cbp", 0.2],
    ]);
    expect(data.totalsByAgency[0].agency.name).toBe("PQ Inmigración");
    const heavy = data.facts.find((f: { key: string }) => f.key === "pq-heavy");
    expect(heavy).toMatchObject({ headline: "Dato pesado", status: "verified_record", amount: { amount: 39340900.82, kind: "current_value", asOf: "2018-05-30" } });
    expect(heavy.citations[0].source).toMatchObject({ url: expect.stringMatching(/^https:/) });
    expect(data.awards.find((a: { awardKey: string }) => a.awardKey === "PQ-1")).toMatchObject({
      permalink: "https://www.usaspending.gov/award/PQ-1/",
      obligated: { amount: 10.1, kind: "obligated" },
      ceiling: { amount: 1e9, kind: "ceiling" },
    });
    for (const slug of ["no-such-company", "../../etc", "x".repeat(5000), "%00"]) {
      const missing = await companyRoute(new Request("http://test/api/v1/companies/x"), params(slug));
      expect(missing.status, slug.slice(0, 20)).toBe(404);
      expect((await missing.json()).error.code).toBe("not_found");
    }
  });
});

describe("a campaign's facts panel", () => {
  it("has its target's obligated total and its top stated facts, each with a supporting source", async () => {
    const panel = await getCampaignFactsPanel(campaignId, "en");
    expect(panel.targets).toHaveLength(1);
    expect(panel.targets[0]).toMatchObject({ slug: "pq-acme", obligated: { amount: 10.3, awards: 3, kind: "obligated" } });
    // Corrected claims stay on the company page, and so do facts whose source cannot be
    // opened (pq-nolink): the panel states what holds, each with a link to check it.
    expect(panel.facts.map((f) => f.key)).toEqual(["pq-heavy", "pq-press"]);
    expect(panel.facts).toHaveLength(PANEL_FACTS);
    for (const fact of panel.facts) expect(fact.citations.some((c) => c.role === "supports" && c.source.url)).toBe(true);
  });

  it("is empty for a campaign without targets", async () => {
    const { groupId } = await createMember();
    const bare = await createCampaign(groupId, { status: "live" });
    expect(await getCampaignFactsPanel(bare.id, "en")).toEqual({ targets: [], facts: [] });
  });
});
