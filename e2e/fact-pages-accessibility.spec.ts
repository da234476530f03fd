// axe (WCAG 2.0/2.1 A and AA) on the fact pages: the companies list and company pages,
// in both languages, on a phone and on a desktop. (The campaign pages, with their facts
// panel, are in accessibility.spec.ts.) Serious and critical findings fail the test.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const pages = [
  { name: "companies", path: "/companies" },
  { name: "company with subsidiaries and a chart", path: "/companies/thomson-reuters" },
  { name: "company with a corrected claim and a resale", path: "/companies/microsoft" },
  { name: "companies (Spanish)", path: "/es/companies" },
  { name: "company (Spanish)", path: "/es/companies/palantir" },
];

for (const width of [390, 1280]) {
  test.describe(`fact pages at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 844 : 900 } });

    for (const { name, path } of pages) {
      test(`${name} has no serious or critical accessibility violations`, async ({ page }) => {
        await page.goto(path, { waitUntil: "networkidle" });
        // The chart's table is inside a closed <details>: open it so axe checks it too.
        for (const summary of await page.locator("details > summary").all()) await summary.click();
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
        const blocking = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    - ${n.target.join(" ")}`).join("\n")}`);
        expect(blocking.join("\n\n"), `serious or critical axe findings on ${path} at ${width} px`).toBe("");
        expect(results.passes.length, "axe actually ran its checks").toBeGreaterThan(10);
      });
    }
  });
}
