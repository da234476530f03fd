// A supporter checks why: the facts panel on a campaign page, a company's page with its
// chart, awards and facts, the companies list, and the companies API. Every figure
// shown carries its kind and date, and every fact a page shows names a supporting
// source (on the campaign panel: one the reader can open).
import { CAMPAIGNS, expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

type CompanyJson = {
  slug: string;
  name: string;
  obligated: { amount: number; kind: string; awards: number; sums: string; asOf: string | null };
  liveCampaigns: { slug: string; title: string }[];
};
type FactJson = { key: string; status: string; citations: { role: string; source: { url: string | null } }[] };

const KIND = /obligated|current value|ceiling|reported value|budget/;

/** Every card of the campaign panel opens its source (a record, an article, or the awards it sums). */
async function expectPanelCardsLinked(page: Page) {
  const panel = page.getByRole("region", { name: /The contracts behind this campaign|Los contratos detrás de esta campaña/ });
  const cards = panel.locator("[data-fact], [data-fact-total]");
  expect(await cards.count(), "cards on the panel").toBeGreaterThanOrEqual(2);
  for (const card of await cards.all()) {
    const link = card.locator("a[data-source-link]").first();
    await expect(link, `a source link on: ${(await card.innerText()).slice(0, 60)}`).toHaveAttribute("href", /^(https:\/\/|\/(es\/)?companies\/)/);
  }
  return { panel, cards };
}

test.describe("a supporter checks the facts", () => {
  test("on a phone, the campaign page shows the contracts above the story, each with its source", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/campaigns/${CAMPAIGNS.noJs.slug}`);
    const { panel, cards } = await expectPanelCardsLinked(page);
    // The obligated total says what it sums and that ceilings are left out.
    const total = panel.locator("[data-fact-total=palantir]");
    await expect(total).toContainText("obligated");
    await expect(total).toContainText("Ceilings are not added in");
    // Every figure says what kind of amount it is (a fact without a figure has none to label).
    for (const card of await cards.all()) {
      if (/\$\d/.test(await card.innerText())) await expect(card).toContainText(KIND);
    }
    // Between the sign form's header and the story: the panel comes before "Why".
    const before = await page.evaluate(() => {
      const facts = document.getElementById("facts-heading")!;
      const story = document.getElementById("story-heading")!;
      return Boolean(facts.compareDocumentPosition(story) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(before, "the facts panel comes before the story").toBe(true);
    await page.getByRole("link", { name: "All facts about Palantir Technologies" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Palantir Technologies" })).toBeVisible();
  });

  test("in Spanish, the panel speaks Spanish and still links every card", async ({ page }) => {
    await page.goto(`/es/campaigns/${CAMPAIGNS.spanish.slug}`);
    const { panel } = await expectPanelCardsLinked(page);
    await expect(panel.locator("[data-fact-total=thomson-reuters]")).toContainText("comprometido");
    await expect(panel).toContainText("No incluye los topes");
  });

  test("a company's page has its chart with a table, awards linking to USAspending, and facts with their status", async ({ page }) => {
    await page.goto("/companies/thomson-reuters");
    await expect(page.getByRole("heading", { level: 1, name: "Thomson Reuters" })).toBeVisible();
    await expect(page.getByRole("img", { name: /obligated total, placed in the federal fiscal year/ })).toBeVisible();
    await page.getByText("The chart's figures as a table").click();
    const yearRows = page.locator("figure table tbody tr");
    expect(await yearRows.count()).toBeGreaterThan(3);
    await expect(yearRows.first().getByRole("rowheader")).toHaveText(/^FY\d{4}$/);

    const awards = page.locator("#awards tbody tr");
    expect(await awards.count()).toBeGreaterThan(10);
    for (const row of (await awards.all()).slice(0, 5)) {
      await expect(row.getByRole("link", { name: /on USAspending/ })).toHaveAttribute("href", /^https:\/\/www\.usaspending\.gov\/award\/CONT_AWD_/);
    }
    // The three amounts stay in their own columns.
    await expect(page.locator("#awards thead")).toContainText("Obligated");
    await expect(page.locator("#awards thead")).toContainText("Ceiling");
    await expect(page.locator("[data-fact-total=thomson-reuters]")).toContainText("Ceilings are not added in");
    await expect(page.locator("#facts [data-fact]").first()).toContainText(/Checked against the federal record|Confirmed by the press|Reported/);
    await expect(page.getByRole("heading", { name: "Campaigns aimed at Thomson Reuters" })).toBeVisible();
    await expect(page.getByRole("link", { name: CAMPAIGNS.spanish.title })).toBeVisible();
  });

  test("a corrected claim is shown as corrected, and a reseller's sale apart from the maker's total", async ({ page }) => {
    await page.goto("/companies/microsoft");
    const corrected = page.locator("[data-fact=s0-8-azure-19m]");
    await expect(corrected).toContainText("Corrected");
    await expect(corrected.locator("s")).toContainText("19.4 billion");
    await expect(corrected).toContainText("$19.4 million");
    const resold = page.getByRole("region", { name: "Bought through resellers" });
    await expect(resold).toContainText("Microsoft product bought through Dell");
    await expect(resold).toContainText("not in Microsoft's total");
  });

  test("every fact shown on a page has a supporting source", async ({ page, request }) => {
    // Every company page of the dataset, one after the other.
    test.setTimeout(240_000);
    const { data } = (await (await request.get("/api/v1/companies")).json()) as { data: CompanyJson[] };
    expect(data.length).toBeGreaterThan(5);
    let shown = 0;
    for (const company of data) {
      const detail = (await (await request.get(`/api/v1/companies/${company.slug}`)).json()) as { data: { facts: FactJson[] } };
      for (const fact of detail.data.facts) {
        expect(fact.citations.filter((c) => c.role === "supports").length, `${fact.key} in the API`).toBeGreaterThan(0);
      }
      await page.goto(`/companies/${company.slug}`);
      const cards = page.locator("[data-fact]");
      expect(await cards.count(), `${company.slug}: as many cards as facts`).toBe(detail.data.facts.length);
      for (const card of await cards.all()) {
        const key = await card.getAttribute("data-fact");
        expect(await card.locator("[data-source]").count(), `${key} on /companies/${company.slug}`).toBeGreaterThan(0);
        shown++;
      }
    }
    expect(shown, "facts checked on the company pages").toBeGreaterThan(20);
    for (const slug of Object.values(CAMPAIGNS).map((c) => c.slug)) {
      await page.goto(`/campaigns/${slug}`);
      await expectPanelCardsLinked(page);
    }
  });

  test("the companies list compares them, and the header leads there", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Companies", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Who sells to ICE, CBP and Frontex" })).toBeVisible();
    const row = page.locator("tr[data-company=thomson-reuters]");
    await expect(row).toContainText("ICE");
    await expect(row).toContainText(/\$\d+(\.\d)? million/);
    await expect(row).toContainText("obligated");
    await expect(row.getByRole("link", { name: CAMPAIGNS.spanish.title })).toBeVisible();
    await page.goto("/es/companies");
    await expect(page.getByRole("heading", { level: 1, name: "Quién le vende a ICE, CBP y Frontex" })).toBeVisible();
  });
});

test.describe("the companies API", () => {
  test("lists companies with totals that say what they sum", async ({ request }) => {
    const response = await request.get("/api/v1/companies");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toMatch(/^public, max-age=\d+/);
    const { data } = (await response.json()) as { data: CompanyJson[] };
    const tr = data.find((c) => c.slug === "thomson-reuters")!;
    expect(tr.obligated).toMatchObject({ kind: "obligated", currency: "USD", awards: expect.any(Number), sums: expect.stringContaining("Ceilings are not added in") });
    expect(tr.obligated.amount).toBeGreaterThan(0);
    expect(tr.liveCampaigns.map((c) => c.slug)).toContain(CAMPAIGNS.spanish.slug);
  });

  test("gives one company's totals by agency, awards and facts with citations; 404 otherwise", async ({ request }) => {
    const response = await request.get("/api/v1/companies/palantir", { headers: { "Accept-Language": "es" } });
    expect(response.status()).toBe(200);
    const { data } = await response.json();
    expect(data.totalsByAgency.length).toBeGreaterThan(0);
    expect(data.totalsByAgency[0].obligated.kind).toBe("obligated");
    for (const award of data.awards) {
      expect(award.permalink).toMatch(/^https:\/\/www\.usaspending\.gov\/award\//);
      if (award.ceiling) expect(award.ceiling.kind).toBe("ceiling");
    }
    expect(data.facts.length).toBeGreaterThan(3);
    for (const fact of data.facts as FactJson[]) expect(fact.citations.some((c) => c.role === "supports")).toBe(true);
    const missing = await request.get("/api/v1/companies/no-such-company");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "We could not find that company." } });
  });
});
