// Limits that fit real networks. A campus rally shares one connection: past the soft
// limit (20 per 10 minutes) its signatures are still accepted, flagged for review. A
// script is refused past the burst limit (200 a minute), and one address past 6
// attempts an hour; the refusal is in the caller's language and its Retry-After is the
// seconds until the window that refused ends.
import { CAMPAIGNS, expect, newClientIp, newSigner, test, waitForRoomInWindow } from "./fixtures";

const spanishRateLimited =
  "Hubo demasiadas firmas desde tu conexión o tu correo en poco tiempo. Espera unos minutos y vuelve a intentarlo.";

/** Seconds left in the current fixed window of `seconds`, as the server counts them. */
const secondsLeft = (seconds: number) => seconds - ((Date.now() / 1000) % seconds);

test("one connection gets a rally's 200 signatures in a minute, then a Spanish refusal saying how long to wait", async ({ api }) => {
  test.setTimeout(120_000);
  await waitForRoomInWindow(60, 40);
  const ip = newClientIp();
  const { slug } = CAMPAIGNS.noJs;
  const statuses: number[] = [];
  // Ten at a time, as a crowd on one campus network would arrive.
  for (let i = 0; i < 200; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: 10 }, () => {
        const s = newSigner("Campus", "Rally");
        return api.sign(slug, { fullName: s.fullName, email: s.email }, { ip });
      }),
    );
    statuses.push(...batch.map((r) => r.status()));
  }
  expect(statuses.filter((s) => s !== 202), "all 200 accepted").toEqual([]);

  const s = newSigner("Bot", "Uno");
  const refused = await api.sign(slug, { fullName: s.fullName, email: s.email }, { ip, language: "es-MX,es;q=0.9,en;q=0.5" });
  const left = secondsLeft(60);
  expect(refused.status()).toBe(429);
  expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: spanishRateLimited } });
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(Math.floor(left) - 1);
  expect(retryAfter).toBeLessThanOrEqual(Math.ceil(left) + 1);

  // Another connection is not held back.
  const other = newSigner("Persona", "Real");
  expect((await api.sign(slug, { fullName: other.fullName, email: other.email }, { ip: newClientIp() })).status()).toBe(202);
});

test("one address gets 6 attempts an hour, whatever the connection, and is told the seconds left in that hour", async ({ api }) => {
  await waitForRoomInWindow(3600);
  const s = newSigner("Repetida", "Vez");
  const { slug } = CAMPAIGNS.noJs;
  for (let i = 1; i <= 6; i++) {
    const response = await api.sign(slug, { fullName: s.fullName, email: s.email }, { ip: newClientIp() });
    expect(response.status(), `attempt ${i} of 6`).toBe(202);
  }
  const refused = await api.sign(slug, { fullName: s.fullName, email: s.email }, { ip: newClientIp(), language: "en" });
  const left = secondsLeft(3600);
  expect(refused.status()).toBe(429);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Too many signatures/);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(Math.floor(left) - 1);
  expect(retryAfter).toBeLessThanOrEqual(Math.ceil(left) + 1);
});

test("a person refused by the form is told when to try again", async ({ page, api }) => {
  await waitForRoomInWindow(3600, 120);
  const s = newSigner("Insistente", "Mucho");
  const { slug } = CAMPAIGNS.noJs;
  for (let i = 1; i <= 6; i++) {
    expect((await api.sign(slug, { fullName: s.fullName, email: s.email }, { ip: newClientIp() })).status()).toBe(202);
  }
  await page.goto(`/es/campaigns/${slug}`);
  await page.getByLabel("Nombre completo").fill(s.fullName);
  await page.getByLabel("Correo electrónico", { exact: true }).fill(s.email);
  await page.getByRole("button", { name: "Firmar", exact: true }).click();
  const minutes = Math.ceil(secondsLeft(3600) / 60);
  await expect(
    page.getByRole("alert").filter({ hasText: /^Hubo demasiadas firmas desde tu conexión o tu correo en poco tiempo\. / }),
  ).toHaveText(new RegExp(`Podrás volver a intentarlo dentro de (${minutes - 1}|${minutes}|${minutes + 1}) minutos?\\.$`));
});
