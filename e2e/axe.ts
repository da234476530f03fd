// axe (WCAG 2.0/2.1 A and AA) on whatever the page shows now: serious and critical
// findings fail, printed readably. For workspace pages, which need a signed-in browser.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export async function expectAccessible(page: Page, what: string, options: { exclude?: string[] } = {}): Promise<void> {
  // `exclude`: parts that are not the page's own (an email's preview in a sandboxed
  // iframe, where axe cannot run a script).
  // A page reached by a client-side navigation gets its new <title> a moment after its
  // content (Next.js streams metadata): axe looks at the page once it has one.
  await expect(page, `${what} has a title`).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    - ${n.target.join(" ")}`).join("\n")}`)
    .join("\n\n");
  expect(blocking, `serious or critical axe findings on ${what}`).toBe("");
  expect(results.passes.length, "axe actually ran its checks").toBeGreaterThan(5);
}

/**
 * Axe at 1280 and 390 px wide; with E2E_SCREENSHOTS=<folder>, also a full-page picture at
 * each width (name-1280.png, name-390.png), to look at.
 */
export async function look(page: Page, name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  const size = page.viewportSize()!;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    await expectAccessible(page, `${name} at ${width} px`);
    if (folder) {
      fs.mkdirSync(folder, { recursive: true });
      await page.screenshot({ path: path.join(folder, `${name}-${width}.png`), fullPage: true });
    }
  }
  await page.setViewportSize(size);
}
