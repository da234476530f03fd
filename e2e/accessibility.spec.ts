// axe (WCAG 2.0/2.1 A and AA) on the pages a supporter sees, in both languages, on a
// phone and on a desktop. Serious and critical findings fail the test.
import AxeBuilder from "@axe-core/playwright";
import { CAMPAIGNS, expect, test } from "./fixtures";

type Result = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

const pages = [
  { name: "home", path: "/" },
  { name: "campaign", path: `/campaigns/${CAMPAIGNS.noJs.slug}` },
  { name: "home (Spanish)", path: "/es" },
  { name: "campaign (Spanish)", path: `/es/campaigns/${CAMPAIGNS.noJs.slug}` },
];

function readable(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`)
        .join("\n");
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : "";
      return `[${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n\n");
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 844 : 900 } });

    for (const { name, path } of pages) {
      test(`${name} has no serious or critical accessibility violations`, async ({ page }) => {
        await page.goto(path, { waitUntil: "networkidle" });
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
        const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        // Compared as text, so a failure prints each finding readably.
        expect(readable(blocking), `serious or critical axe findings on ${path} at ${width} px`).toBe("");
        expect(results.passes.length, "axe actually ran its checks").toBeGreaterThan(10);
      });
    }
  });
}
