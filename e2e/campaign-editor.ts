// Helpers for the campaign editor's journeys: fill the new-campaign form as a person
// would (labels, not selectors), and confirm a step on a campaign's overview.
import type { Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { expect } from "./fixtures";

export const uniqueSlug = (stem: string) => `${stem}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export type NewCampaign = { title: string; slug: string; company: string; ask: string; story: string };

export async function fillCampaign(page: Page, c: Partial<NewCampaign> & { slug: string }) {
  if (c.title !== undefined) await page.getByLabel("Title", { exact: true }).fill(c.title);
  await page.getByLabel("Address", { exact: true }).fill(c.slug);
  if (c.company) await page.getByLabel("Another company (name)").fill(c.company);
  if (c.ask !== undefined) await page.getByLabel("The ask", { exact: true }).fill(c.ask);
  if (c.story !== undefined) await page.getByLabel("The story (Markdown)").fill(c.story);
}

/** Follows a step's link on the overview, then presses the button that confirms it. */
export async function confirmStep(page: Page, link: string, button = link) {
  await page.getByRole("link", { name: link, exact: true }).click();
  await expect(page.getByRole("heading", { name: "Please confirm" })).toBeVisible();
  await page.getByRole("button", { name: button, exact: true }).click();
}

/** Screenshots go outside the repository; SCREENSHOT_DIR moves them. */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), "cut-ties-editor-shots");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
