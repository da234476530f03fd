// Issue 10, items 6–8, on a phone: counts in words that agree ("1 signature", "1 firma"),
// a pledge page that speaks of pledges, and so does every step after pledging (the
// check-your-email box, the email, the confirmation and thank-you pages); the language remembered only when the person
// switches it, so an English share link opened after a Spanish page stays English; and
// the share image, a 1200×630 PNG whose alt text is in the page's language. Axe on each
// page; screenshots at 390 and 1280 px in both languages go to SHOTS_DIR (or the test's
// output folder) for a person to look at.
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { look } from "./axe";
import { CAMPAIGNS, baseUrl, confirmLink, expect, newSigner, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const pledge = CAMPAIGNS.pledge;
const petition = CAMPAIGNS.phone;

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
  // The first screen alone too, readable at its real size.
  await page.screenshot({ path: `${dir}/${name}-top.png` });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1"), "a PNG signature").toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("a pledge page speaks of pledges, in English and Spanish", async ({ page }) => {
  await page.goto(`/campaigns/${pledge.slug}`);
  const progress = page.locator("#main header");
  await expect(progress).toContainText(/\d+ pledges? · goal [\d,]+/);
  await expect(progress).toContainText("Your pledge counts once you confirm by email.");
  await expect(progress).not.toContainText(/signature/i);
  await expect(page.getByRole("progressbar")).toHaveAccessibleName(/^[\d,]+ of [\d,]+ pledges$/);
  await noSeriousAxe(page, "the English pledge page");

  await page.goto(`/es/campaigns/${pledge.slug}`);
  await expect(progress).toContainText(/\d+ compromisos? · meta: [\d.,]+/);
  await expect(progress).toContainText("Tu compromiso cuenta cuando lo confirmas por correo.");
  await expect(progress).not.toContainText(/\bfirmas?\b/i);
  await noSeriousAxe(page, "the Spanish pledge page");

  // The home page lists each campaign with its own noun.
  await page.goto("/");
  const card = page.getByRole("listitem").filter({ hasText: pledge.title });
  await expect(card).toContainText(/\d+ pledges? · goal/);
  const petitionCard = page.getByRole("listitem").filter({ hasText: petition.title });
  await expect(petitionCard).toContainText(/\d+ signatures? · goal/);
});

test("one is singular: “1 signature” and “1 firma”", async ({ page }) => {
  // The page that used to say "Borramos 1 firmas".
  await page.goto("/es/privacy/delete/done?deleted=1");
  await expect(page.getByRole("status")).toContainText("Borramos 1 firma hecha con tu correo y ajustamos el conteo.");
  await noSeriousAxe(page, "the Spanish deletion page");
  await page.goto("/privacy/delete/done?deleted=1");
  await expect(page.getByRole("status")).toContainText("We deleted 1 signature made with your address, and the count was adjusted.");
  await page.goto("/privacy/delete/done?deleted=3");
  await expect(page.getByRole("status")).toContainText("We deleted 3 signatures made with your address");
});

test("an English share link opened after a Spanish page stays English", async ({ page, context }) => {
  await page.goto(`/es/campaigns/${petition.slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  expect((await context.cookies()).map((c) => c.name), "opening a Spanish page remembers nothing").not.toContain("lang");

  await page.goto(`/campaigns/${petition.slug}?ref=abcd1234&fbclid=xyz`);
  await expect(page).toHaveURL(`${baseUrl()}/campaigns/${petition.slug}?ref=abcd1234&fbclid=xyz`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: petition.title })).toBeVisible();
});

test("the language switch remembers the choice, and only goes to this site", async ({ page, context }) => {
  await page.goto(`/campaigns/${petition.slug}`);
  await page.getByRole("link", { name: "Español" }).click();
  await expect(page).toHaveURL(`${baseUrl()}/es/campaigns/${petition.slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const lang = (await context.cookies()).find((c) => c.name === "lang");
  expect(lang?.value).toBe("es");
  // Chosen on purpose, so an unprefixed link now opens in Spanish.
  await page.goto("/");
  await expect(page).toHaveURL(`${baseUrl()}/es`);

  // `to` is a path on this site, never another host.
  for (const to of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
    const answer = await page.request.get(`/lang/en?to=${encodeURIComponent(to)}`, { maxRedirects: 0 });
    expect(answer.status()).toBe(303);
    expect(answer.headers().location).toMatch(/^(\/|http:\/\/localhost:\d+\/)$/);
  }
  const answer = await page.request.get(`/lang/es?to=${encodeURIComponent("/en/campaigns/x?ref=abcd1234")}`, { maxRedirects: 0 });
  expect(new URL(answer.headers().location, baseUrl()).pathname + new URL(answer.headers().location, baseUrl()).search).toBe(
    "/es/campaigns/x?ref=abcd1234",
  );
});

test("the share image is a 1200×630 PNG, its alt text in the page's language", async ({ page }, info) => {
  for (const [prefix, words] of [
    ["", { alt: /^Campaign card: .+\. Petition to .+\. Goal: [\d,]+ signatures\.$/ }],
    ["/es", { alt: /^Tarjeta de la campaña: .+\. Petición dirigida a .+\. Meta: [\d.,]+ firmas\.$/ }],
  ] as const) {
    await page.goto(`${prefix}/campaigns/${petition.slug}`);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    const alt = await page.locator('meta[property="og:image:alt"]').getAttribute("content");
    expect(alt).toMatch(words.alt);
    expect(await page.locator('meta[property="og:image:width"]').getAttribute("content")).toBe("1200");
    const { pathname, search } = new URL(image!);
    const answer = await page.request.get(pathname + search);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("image/png");
    const bytes = await answer.body();
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    // Looked at by a person: at its real size.
    const dir = process.env.SHOTS_DIR ?? info.outputPath();
    await import("node:fs/promises").then((fs) => fs.writeFile(`${dir}/share-image${prefix.replace("/", "-") || "-en"}.png`, bytes));
  }
});

// For a person to look at: the pledge page in both languages at both widths.
for (const width of [390, 1280]) {
  test(`the pledge page at ${width} px in both languages`, async ({ browser }, info) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 600, hasTouch: width < 600 });
    const page = await context.newPage();
    for (const prefix of ["", "/es"]) {
      await page.goto(`${prefix}/campaigns/${pledge.slug}`);
      await expect(page.getByRole("progressbar")).toBeVisible();
      await noSeriousAxe(page, `the pledge page (${prefix || "en"}, ${width})`);
      await shot(page, info, `pledge${prefix.replace("/", "-") || "-en"}-${width}`);
    }
    await context.close();
  });
}

// Last in this file: it confirms on the pledge, whose exact count the-api.spec.ts checks.
test("after pledging, every step says pledge: the box, the email, the confirmation and thank-you pages", async ({ page, mail }) => {
  const words = {
    en: {
      prefix: "",
      submit: "I pledge",
      box: "Check your email",
      counts: "your pledge counts once you confirm",
      subject: `Confirm your pledge: ${pledge.title}`,
      emailButton: "Last step: confirm my pledge",
      title: "Confirm your pledge",
      pledgedAs: (name: string) => `You pledged as ${name}.`,
      button: "Confirm my pledge",
      thanks: "Thank you, your pledge counts",
      yours: "Pledges that come through your link are counted as yours.",
      shared: "I pledged: ",
      not: /signature|petition/i,
    },
    es: {
      prefix: "/es",
      submit: "Me comprometo",
      box: "Revisa tu correo",
      counts: "tu compromiso cuenta cuando lo confirmas",
      subject: "Confirma tu compromiso: ",
      emailButton: "Último paso: confirmar mi compromiso",
      title: "Confirma tu compromiso",
      pledgedAs: (name: string) => `Te comprometiste como ${name}.`,
      button: "Confirmar mi compromiso",
      thanks: "Gracias, tu compromiso ya cuenta",
      yours: "Los compromisos que lleguen por tu enlace se cuentan como tuyos.",
      shared: "Me comprometí: ",
      not: /\bfirm|petición/i,
    },
  };
  for (const lang of ["en", "es"] as const) {
    const w = words[lang];
    const signer = newSigner(lang === "es" ? "Renata" : "Nadia", "Quispe");
    await page.goto(`${w.prefix}/campaigns/${pledge.slug}`);
    await page.getByLabel(lang === "es" ? "Nombre completo" : "Full name").fill(signer.fullName);
    await page.getByLabel(lang === "es" ? "Correo electrónico" : "Email", { exact: true }).fill(signer.email);
    await page.getByRole("button", { name: w.submit, exact: true }).click();
    const box = page.getByRole("status").filter({ has: page.getByRole("heading", { name: w.box }) });
    await expect(box).toContainText(w.counts);
    await expect(box).not.toContainText(w.not);

    // The email, as its reader sees it: subject, a button that says pledge, no "signature".
    const [email] = await mail.waitFor(signer.email);
    expect(email.subject.startsWith(w.subject), `subject "${email.subject}"`).toBe(true);
    expect(email.text).not.toMatch(w.not);
    const link = confirmLink(email);
    // In a tab of its own: the page behind may still be starting its scripts, which would
    // hydrate over an email written into it.
    const reader = await page.context().newPage();
    await reader.setContent(email.html!);
    await expect(reader.getByRole("link", { name: w.emailButton })).toHaveAttribute("href", link);
    await reader.close();

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: w.title })).toBeVisible();
    await expect(page).toHaveTitle(`${w.title} · Cut Ties`);
    await expect(page.getByText(w.pledgedAs(signer.fullName))).toBeVisible();
    await expect(page.locator("#main")).not.toContainText(w.not);
    const button = page.getByRole("button", { name: w.button });
    await expect(button).toBeVisible();
    // Axe at 390 and 1280 px; with E2E_SCREENSHOTS, pictures of the page to look at.
    await look(page, `pledge-confirm-${lang}`);

    await button.click();
    await expect(page.getByRole("heading", { level: 1, name: w.thanks })).toBeVisible();
    // The tab says it too, not "Confirm…" any more.
    await expect(page).toHaveTitle(`${w.thanks} · Cut Ties`);
    await expect(page.locator("#main")).toContainText(w.yours);
    // What the share links put in a friend's message.
    const whatsapp = await page.getByRole("link", { name: "WhatsApp" }).getAttribute("href");
    expect(new URL(whatsapp!).searchParams.get("text")).toMatch(new RegExp(`^${w.shared}`));
    await expect(page.locator("#main")).not.toContainText(w.not);
    await look(page, `pledge-thank-you-${lang}`);
  }
});
