// axe (WCAG 2.0/2.1 A and AA) on whatever the page shows now: serious and critical
// findings fail, printed readably. For workspace pages, which need a signed-in browser.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    - ${n.target.join(" ")}`).join("\n")}`)
    .join("\n\n");
  expect(blocking, `serious or critical axe findings on ${what}`).toBe("");
  expect(results.passes.length, "axe actually ran its checks").toBeGreaterThan(5);
}
