// Someone scripting signatures is slowed down: per connection (20 per 10 minutes) and
// per address (6 per hour). The refusal is in the caller's language.
import { CAMPAIGNS, expect, newClientIp, newSigner, test, waitForRoomInWindow } from "./fixtures";

const spanishRateLimited =
  "Hubo demasiadas firmas desde tu conexión o tu correo en poco tiempo. Espera unos minutos y vuelve a intentarlo.";

test("one connection gets 20 signatures in ten minutes, then a Spanish refusal", async ({ api }) => {
  await waitForRoomInWindow(600);
  const ip = newClientIp();
  const { slug } = CAMPAIGNS.noJs;
  for (let i = 1; i <= 20; i++) {
    const s = newSigner("Bot", "Uno");
    const response = await api.sign(slug, { fullName: s.fullName, email: s.email }, { ip });
    expect(response.status(), `signature ${i} of 20`).toBe(202);
  }
  const s = newSigner("Bot", "Uno");
  const refused = await api.sign(slug, { fullName: s.fullName, email: s.email }, { ip, language: "es-MX,es;q=0.9,en;q=0.5" });
  expect(refused.status()).toBe(429);
  expect(refused.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: spanishRateLimited } });

  // Another connection is not held back.
  const other = newSigner("Persona", "Real");
  expect((await api.sign(slug, { fullName: other.fullName, email: other.email }, { ip: newClientIp() })).status()).toBe(202);
});

test("one address gets 6 attempts an hour, whatever the connection", async ({ api }) => {
  await waitForRoomInWindow(3600);
  const s = newSigner("Repetida", "Vez");
  const { slug } = CAMPAIGNS.noJs;
  for (let i = 1; i <= 6; i++) {
    const response = await api.sign(slug, { fullName: s.fullName, email: s.email }, { ip: newClientIp() });
    expect(response.status(), `attempt ${i} of 6`).toBe(202);
  }
  const refused = await api.sign(slug, { fullName: s.fullName, email: s.email }, { ip: newClientIp(), language: "en" });
  expect(refused.status()).toBe(429);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Too many signatures/);
});
