// An admin uploads a USAspending download on /admin/facts/import: the sample the dataset
// already holds changes nothing (an import is an upsert by award key), and a file that is
// not a USAspending download is refused with nothing changed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures";
import { ROOT } from "./servers";
import { signIn } from "./sign-in";

const SAMPLE = path.join(ROOT, "db", "facts", "usaspending", "ice-mn-prime-award-summaries-2025.csv");

test("an admin imports a USAspending file twice over and a wrong file, and nothing is doubled or broken", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin@example.org", { next: "/admin/facts/import" });
  await expect(page.getByRole("heading", { level: 1, name: "Import contract data" })).toBeVisible();
  await expectAccessible(page, "the import page");

  await page.getByLabel("CSV file").setInputFiles(SAMPLE);
  await page.getByRole("button", { name: "Import file" }).click();
  // The result is announced where the form is (the list of recent runs below repeats it).
  const result = page.locator('[aria-live="polite"]');
  await expect(result.getByText("Import finished")).toBeVisible({ timeout: 60_000 });
  // Loaded at first start with the dataset: every award is there already.
  await expect(result.getByText("Awards: 0 new, 0 updated")).toBeVisible();

  const wrong = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-import-")), "not-usaspending.csv");
  fs.writeFileSync(wrong, "name,amount\nAcme,12\n");
  await page.getByLabel("CSV file").setInputFiles(wrong);
  await page.getByRole("button", { name: "Import file" }).click();
  await expect(result.getByText("Import failed")).toBeVisible({ timeout: 60_000 });
  await expect(result.getByText("Nothing was changed.")).toBeVisible();
  await expectAccessible(page, "the import page after a refused file");
});
