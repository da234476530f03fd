// Issue 10: the page keeps the people who came to sign. On a phone: the address shown
// after signing and fixed once; the thank-you page gives the signer's number; the
// system share sheet where the browser has one and the plain links otherwise; axe on
// each of these states. Screenshots of each state, at 390 and 1280 px in both
// languages, go to SHOTS_DIR (or the test's output folder) for a person to look at.
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { CAMPAIGNS, confirmLink, expect, newSigner, test, type Mailbox } from "./fixtures";
import { sharedSoFar, stubShareSheet } from "./share-sheet";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

// Signing without confirming changes no count, so it may use any campaign; the tests
// that confirm use the pledge, whose exact count only the-api.spec.ts (run much later) checks.
const slug = CAMPAIGNS.phone.slug;
const confirming = CAMPAIGNS.pledge.slug;
const pledge = { name: "Full name", email: "Email", submit: "I pledge" };

async function noSeriousAxe(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `[${v.impact}] ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(blocking.join("\n"), `axe on ${where}`).toBe("");
}

async function shot(page: Page, info: TestInfo, name: string) {
  const dir = process.env.SHOTS_DIR ?? info.outputPath();
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function sign(page: Page, copy: { name: string; email: string; submit: string }, who: { fullName: string; email: string }) {
  await page.getByLabel(copy.name).fill(who.fullName);
  await page.getByLabel(copy.email, { exact: true }).fill(who.email);
  await page.getByRole("button", { name: copy.submit, exact: true }).click();
}

async function confirmFromEmail(page: Page, mail: Mailbox, email: string, button: string) {
  const [message] = await mail.waitFor(email);
  await page.goto(confirmLink(message));
  await page.getByRole("button", { name: button }).click();
}

const en = { name: "Full name", email: "Email", submit: "Sign" };

test("the address is shown after signing, and a wrong one is fixed once", async ({ page, mail }, info) => {
  const signer = newSigner("Ana", "Gómez");
  const typo = signer.email.replace(/\.com$/, ".con");
  await page.goto(`/campaigns/${confirming}`);
  await sign(page, pledge, { fullName: signer.fullName, email: typo });

  const status = page.getByRole("status").filter({ hasText: "Check your email" });
  await expect(status).toContainText(`We sent a link to ${typo}.`);
  await expect(status).toContainText("your pledge counts once you confirm");
  await noSeriousAxe(page, "the after-signing state");

  await page.getByText("Wrong address? Fix it").click();
  const email = page.getByLabel("Email", { exact: true });
  await expect(email).toHaveValue(typo);
  await expect(page.getByLabel("Full name")).toHaveValue(signer.fullName);
  await noSeriousAxe(page, "the fix-it form");
  await email.fill(signer.email);
  await page.getByRole("button", { name: "I pledge", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toContainText(`We sent a link to ${signer.email}.`);
  await shot(page, info, "after-signing-en-390");

  // The corrected address gets the one confirmation email, and it works.
  await confirmFromEmail(page, mail, signer.email, "Confirm my pledge");
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your pledge counts" })).toBeVisible();
});

test("the thank-you page gives the signer's number, and the campaign page remembers", async ({ page, mail, api }) => {
  const signer = newSigner("Lucía", "Pérez");
  const before = await api.confirmedCount(confirming);
  await page.goto(`/campaigns/${confirming}`);
  await sign(page, pledge, signer);
  await confirmFromEmail(page, mail, signer.email, "Confirm my pledge");

  const number = page.getByRole("heading", { level: 2, name: /^You’re #\d+ — help reach [\d,]+$/ });
  await expect(number).toBeVisible();
  const n = Number((await number.textContent())!.match(/#(\d+)/)![1]);
  const after = await api.confirmedCount(confirming);
  // Others may confirm at the same time: the number lies between the counts before and after.
  expect(n).toBeGreaterThan(before);
  expect(n).toBeLessThanOrEqual(Math.max(after, before + 1));
  await expect(page.getByRole("progressbar")).toBeVisible();
  await noSeriousAxe(page, "the thank-you page");

  // Back on the campaign page, the form is not offered as if nothing happened.
  await page.goto(`/campaigns/${confirming}`);
  await expect(page.getByRole("status").filter({ hasText: "You took this pledge on this device." })).toBeVisible();
  await page.getByRole("link", { name: "See your thank-you page and personal link" }).click();
  await expect(number).toBeVisible();
});

test.describe("with the system share sheet", () => {
  test.beforeEach(async ({ page }) => {
    await stubShareSheet(page);
  });

  test("the Share button opens it with the campaign link", async ({ page }) => {
    await page.goto(`/campaigns/${slug}`);
    await page.getByRole("button", { name: "Share…" }).click();
    const shared = await sharedSoFar(page);
    expect(shared).toHaveLength(1);
    expect(shared[0].url).toMatch(new RegExp(`/campaigns/${slug}$`));
    // Before signing, the words are neutral: nobody says "I signed".
    expect(shared[0].text).not.toContain("I signed");
    await noSeriousAxe(page, "the campaign page with the share button");
  });
});

test.describe("without the system share sheet", () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
  });

  test("the plain links and the whole link are offered instead", async ({ page }) => {
    await page.goto(`/campaigns/${slug}`);
    const panel = page.getByRole("region", { name: "Share this campaign" });
    await expect(panel.getByRole("link", { name: "Text message" })).toHaveAttribute("href", /^sms:/);
    await expect(panel.getByRole("link", { name: "WhatsApp" })).toHaveAttribute("href", /^https:\/\/wa\.me\//);
    await expect(panel.getByRole("link", { name: "Email" })).toHaveAttribute("href", /^mailto:/);
    await expect(panel.getByRole("textbox", { name: "Campaign link" })).toHaveValue(new RegExp(`/campaigns/${slug}$`));
    await expect(panel.getByRole("button", { name: "Copy link" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Share…" })).toHaveCount(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("no dead Copy button, and a broken confirmation link offers the form", async ({ page }) => {
    await page.goto(`/campaigns/${slug}`);
    await expect(page.getByRole("textbox", { name: "Campaign link" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Copy link" })).toHaveCount(0);

    await page.goto(`/es/campaigns/${slug}/confirm/${"x".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Este enlace no funciona" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Firmar", exact: true })).toBeVisible();
  });
});

test("a broken confirmation link offers the sign form, accessibly", async ({ page }) => {
  await page.goto(`/campaigns/${slug}/confirm/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await expect(page).toHaveTitle("This link does not work · Cut Ties");
  await expect(page.getByRole("button", { name: "Sign", exact: true })).toBeVisible();
  await noSeriousAxe(page, "the broken-link page");
});

test("at 200 % text the header keeps the language switch on screen", async ({ page }) => {
  await page.goto(`/campaigns/${slug}`);
  await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
  const header = page.getByRole("banner").first();
  const switcher = header.getByRole("link", { name: "Español" });
  await expect(switcher).toBeVisible();
  const box = (await switcher.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "the switch ends inside the 390 px screen").toBeLessThanOrEqual(390);
  for (const link of await header.getByRole("link").all()) {
    expect((await link.boundingBox())!.height, "tap targets of at least 24 px").toBeGreaterThanOrEqual(24);
  }
});

// Each state in both languages and at both widths, for a person to look at.
for (const width of [390, 1280]) {
  for (const lang of ["en", "es"] as const) {
    test.describe(`${lang} at ${width} px`, () => {
      test.use({ viewport: { width, height: width < 600 ? 844 : 900 }, isMobile: width < 600 });
      test(`campaign page, after signing and thank-you page (${lang}, ${width})`, async ({ page, mail }, info) => {
        const copy =
          lang === "es"
            ? { name: "Nombre completo", email: "Correo electrónico", submit: "Firmar", button: "Confirmar mi compromiso", prefix: "/es" }
            : { ...en, button: "Confirm my pledge", prefix: "" };
        const signer = newSigner(lang === "es" ? "Rosa" : "June", "Díaz");
        await page.goto(`${copy.prefix}/campaigns/${CAMPAIGNS.noJs.slug}`);
        await expect(page.getByRole("progressbar")).toBeVisible();
        await shot(page, info, `campaign-${lang}-${width}`);
        await sign(page, copy, signer);
        await expect(page.getByText(signer.email)).toBeVisible();
        await shot(page, info, `after-signing-${lang}-${width}`);
        // That signature stays unconfirmed (no count moves); the thank-you page comes from the pledge.
        const pledger = newSigner(lang === "es" ? "Rosa" : "June", "Díaz");
        await page.goto(`${copy.prefix}/campaigns/${confirming}`);
        await sign(page, { ...copy, submit: lang === "es" ? "Me comprometo" : "I pledge" }, pledger);
        await confirmFromEmail(page, mail, pledger.email, copy.button);
        await expect(page.getByRole("heading", { level: 2, name: lang === "es" ? /^Eres la persona n\.º \d+/ : /^You’re #\d+/ })).toBeVisible();
        await shot(page, info, `thank-you-${lang}-${width}`);
      });
    });
  }
}
