import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, emailOutbox, sessions, signInRequests, users } from "@/db/schema";

// A cookie jar per test stands in for the request's cookies.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
}));

const { CODE_TRIES, CODE_CHECKS_PER_IP, REQUESTS_PER_IP, peekSignInLink, requestSignIn, signInWithCode, signInWithLink } = await import("./sign-in");
const { signInCode, signInLinkToken } = await import("./sign-in-tokens");
const { getSignedInUser } = await import("./current-user");
const { endSession } = await import("./session");
const { compose } = await import("@/lib/email/compose");
const { auth } = await import("./authjs");

let n = 0;
const newAddress = () => `Organizer.${++n}.${Date.now()}@Example.org`;
const ip = () => `198.51.100.${n % 250}`;

async function ask(email: string) {
  const result = await requestSignIn({ email, next: "/dashboard/groups/x", locale: "en", clientIp: ip() });
  expect(result.ok).toBe(true);
  const db = await getDb();
  const [row] = await db
    .select()
    .from(signInRequests)
    .where(eq(signInRequests.email, email.toLowerCase()))
    .orderBy(sql`created_at desc`)
    .limit(1);
  return { id: row.id, code: signInCode(row.id), token: signInLinkToken(row.id) };
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

beforeEach(() => jar.clear());

describe("signing in by emailed code", () => {
  it("mails the code and link through the outbox, and signs in once with the code", async () => {
    const email = newAddress();
    const { id, code, token } = await ask(email);
    const db = await getDb();
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email.toLowerCase()));
    expect(mail).toMatchObject({ kind: "sign_in", data: { requestId: id } });
    const rendered = await compose({ ...mail, to_address: mail.toAddress, signature_id: null, batch_key: "k", full_name: null, slug: null, title: null, title_es: null } as never);
    expect(rendered.text).toContain(code);
    expect(rendered.text).toContain(`/sign-in/link/${token}`);
    expect(rendered.html).toContain(code);

    const result = await signInWithCode({ email, code, clientIp: ip() });
    expect(result).toMatchObject({ ok: true, data: { next: "/dashboard/groups/x" } });
    const user = await getSignedInUser();
    expect(user).toMatchObject({ email: email.toLowerCase(), isAdmin: false });
    const [stored] = await db.select().from(users).where(eq(users.id, user!.id));
    expect(stored.emailVerified).toBeInstanceOf(Date);
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorUserId, user!.id));
    expect(audit).toMatchObject([{ action: "user.signed_in", detail: { method: "code" } }]);
    expect(JSON.stringify(audit)).not.toContain(email.toLowerCase());

    // Spent: neither the code nor the link works again.
    jar.clear();
    expect(await signInWithCode({ email, code, clientIp: ip() })).toMatchObject({ ok: false, fieldErrors: { code: ["codeWrong"] } });
    expect(await peekSignInLink(token)).toBeNull();
    expect(await signInWithLink(token)).toMatchObject({ ok: false, code: "not_found" });
    expect(await getSignedInUser()).toBeNull();
  });

  it(`allows at most ${CODE_TRIES} wrong codes, then not even the right one (nor the link)`, async () => {
    const email = newAddress();
    const { code, token } = await ask(email);
    for (let i = 1; i < CODE_TRIES; i++) {
      expect(await signInWithCode({ email, code: wrong(code), clientIp: ip() })).toMatchObject({ fieldErrors: { code: ["codeWrong"] } });
    }
    expect(await signInWithCode({ email, code: wrong(code), clientIp: ip() })).toMatchObject({ fieldErrors: { code: ["codeUsedUp"] } });
    expect(await signInWithCode({ email, code, clientIp: ip() })).toMatchObject({ ok: false, fieldErrors: { code: ["codeWrong"] } });
    expect(await peekSignInLink(token)).toBeNull();
    expect(await signInWithLink(token)).toMatchObject({ ok: false });
    expect(await getSignedInUser()).toBeNull();
    // A new request starts afresh.
    const again = await ask(email);
    expect(await signInWithCode({ email, code: again.code, clientIp: ip() })).toMatchObject({ ok: true });
  });

  it("drops requests a day after they expire", async () => {
    const { purgeSignInRequests } = await import("./purge");
    const { id } = await ask(newAddress());
    const db = await getDb();
    await db.update(signInRequests).set({ expiresAt: new Date(Date.now() - 2 * 86_400_000) }).where(eq(signInRequests.id, id));
    expect(await purgeSignInRequests()).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(signInRequests).where(eq(signInRequests.id, id))).toHaveLength(0);
  });

  it("refuses an expired code and link", async () => {
    const email = newAddress();
    const { id, code, token } = await ask(email);
    const db = await getDb();
    await db.update(signInRequests).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(signInRequests.id, id));
    expect(await signInWithCode({ email, code, clientIp: ip() })).toMatchObject({ ok: false, fieldErrors: { code: ["codeWrong"] } });
    expect(await peekSignInLink(token)).toBeNull();
    expect(await signInWithLink(token)).toMatchObject({ ok: false });
  });

  it("answers an address that never asked exactly like a wrong code", async () => {
    expect(await signInWithCode({ email: newAddress(), code: "123456", clientIp: ip() })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { code: ["codeWrong"] },
    });
  });

  it("limits requests per address, aliases included", async () => {
    const email = newAddress();
    for (let i = 0; i < 5; i++) expect((await requestSignIn({ email, next: null, locale: "en", clientIp: `192.0.2.${i}` })).ok).toBe(true);
    const [local, domain] = email.split("@");
    expect(await requestSignIn({ email: `${local}+x@${domain}`, next: null, locale: "es", clientIp: "192.0.2.99" })).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("limits requests per client address", async () => {
    const results = [];
    for (let i = 0; i <= REQUESTS_PER_IP.max; i++) {
      results.push(await requestSignIn({ email: newAddress(), next: null, locale: "en", clientIp: "203.0.113.200" }));
    }
    expect(results.slice(0, REQUESTS_PER_IP.max).every((r) => r.ok)).toBe(true);
    expect(results[REQUESTS_PER_IP.max]).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("limits code checks per client address, across addresses", async () => {
    const results = [];
    for (let i = 0; i <= CODE_CHECKS_PER_IP.max; i++) {
      results.push(await signInWithCode({ email: newAddress(), code: "000000", clientIp: "203.0.113.201" }));
    }
    expect(results[CODE_CHECKS_PER_IP.max - 1]).toMatchObject({ code: "invalid" });
    expect(results[CODE_CHECKS_PER_IP.max]).toMatchObject({ ok: false, code: "rate_limited" });
  });
});

describe("signing in by emailed link", () => {
  it("shows the address without spending the link; the button spends it once", async () => {
    const email = newAddress();
    const { token } = await ask(email);
    expect(await peekSignInLink(token)).toEqual({ email: email.toLowerCase() });
    expect(await peekSignInLink(token)).toEqual({ email: email.toLowerCase() });
    expect(await getSignedInUser()).toBeNull();
    expect(await signInWithLink(token)).toMatchObject({ ok: true, data: { next: "/dashboard/groups/x" } });
    expect(await getSignedInUser()).toMatchObject({ email: email.toLowerCase() });
    // The same session, as Auth.js reads it.
    expect(await auth()).toMatchObject({ user: { email: email.toLowerCase() } });
    expect(await signInWithLink(token)).toMatchObject({ ok: false });
  });

  it("rejects tokens that are not ours without a query error", async () => {
    for (const token of ["", "x", "'; drop table users; --", "a".repeat(5000)]) {
      expect(await peekSignInLink(token)).toBeNull();
      expect(await signInWithLink(token)).toMatchObject({ ok: false });
    }
  });

  it("signs the same person in again as the same user, and signs out", async () => {
    const email = newAddress();
    await signInWithLink((await ask(email)).token);
    const first = await getSignedInUser();
    jar.clear();
    await signInWithLink((await ask(email.toUpperCase())).token);
    const second = await getSignedInUser();
    expect(second!.id).toBe(first!.id);
    const db = await getDb();
    expect(await db.select().from(sessions).where(eq(sessions.userId, first!.id))).toHaveLength(2);
    await endSession();
    expect(await getSignedInUser()).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, first!.id))).toHaveLength(1);
  });
});
