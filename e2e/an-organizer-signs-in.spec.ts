// An organizer signs in by email: the link (after a mail scanner has opened it) or the
// code typed on another device; wrong codes run out; signing out ends the session.
import { baseUrl, expect, newClientIp, test } from "./fixtures";
import { look } from "./axe";
import { requestSignInEmail, signIn, signInEmails, SIGN_IN_COPY } from "./sign-in";

const address = (who: string) => `${who}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 7)}@example.org`;

test("a mail scanner's visit spends nothing; the person's button press signs in", async ({ page, request }) => {
  const email = address("organizer");
  const mail = await requestSignInEmail(page, email);
  await look(page, "sign-in-code");
  expect(mail.text).toContain(mail.code);

  // Outlook Safe Links and campus gateways fetch the link, following redirects.
  const scanned = await request.get(mail.link, { maxRedirects: 10, headers: { "X-Forwarded-For": newClientIp() } });
  expect(scanned.status()).toBe(200);
  expect(scanned.headers()["set-cookie"] ?? "").not.toContain("session-token");
  expect(await scanned.text()).toContain(email);
  // Still not signed in, and the link still works.
  const dashboard = await request.get(`${baseUrl()}/dashboard`, { maxRedirects: 0 });
  expect(dashboard.status()).toBe(307);

  await page.goto(mail.link);
  await expect(page.getByRole("heading", { name: "Sign in to Cut Ties" })).toBeVisible();
  await expect(page.getByText(`You are signing in as ${email}.`)).toBeVisible();
  await look(page, "sign-in-link");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  // The link was spent by the button press.
  await page.goto(mail.link);
  await expect(page.getByRole("heading", { name: "This sign-in link no longer works" })).toBeVisible();
  await look(page, "sign-in-link-spent");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard$/);
});

test("an organizer types the code, in Spanish, and comes back where she was going", async ({ page }) => {
  const email = address("organizadora");
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": newClientIp() });
  await page.goto("/es/dashboard");
  await expect(page).toHaveURL(/\/es\/sign-in\?next=/);
  await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
  await look(page, "sign-in-es");
  await page.getByLabel(SIGN_IN_COPY.es.email, { exact: true }).fill(email);
  await page.getByRole("button", { name: SIGN_IN_COPY.es.send }).click();
  await expect(page.getByRole("heading", { name: SIGN_IN_COPY.es.sent })).toBeVisible();
  let code = "";
  await expect.poll(async () => (code = (await signInEmails(email)).at(-1)?.code ?? ""), { timeout: 30_000 }).toMatch(/^\d{6}$/);
  await page.getByLabel(SIGN_IN_COPY.es.code).fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.getByRole("button", { name: SIGN_IN_COPY.es.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/es\/dashboard$/);
  await expect(page.getByText(`Sesión de ${email}`)).toBeVisible();
});

test("five wrong codes use the email up; a new one works", async ({ page }) => {
  const email = address("typo");
  const mail = await requestSignInEmail(page, email);
  const wrong = String((Number(mail.code) + 1) % 1_000_000).padStart(6, "0");
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("Code from the email").fill(wrong);
    // Each answer before the next try (React resets the form when an action finishes).
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await answered;
    // React empties the form once the answer is shown: the next try types into a fresh field.
    await expect(page.getByLabel("Code from the email")).toHaveValue("");
    const message = i < 5 ? "That code is wrong or has expired." : "Too many wrong codes. Ask for a new code.";
    await expect(page.getByText(message)).toBeVisible();
  }
  await look(page, "sign-in-code-used-up");
  // Not even the right code (nor the link) works now.
  await page.getByLabel("Code from the email").fill(mail.code);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That code is wrong or has expired.")).toBeVisible();
  await page.goto(mail.link);
  await expect(page.getByRole("heading", { name: "This sign-in link no longer works" })).toBeVisible();

  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("the sign-in page works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": newClientIp() } });
  const page = await context.newPage();
  const email = address("nojs");
  await signIn(page, email, { ip: null });
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await context.close();
});
