// Limits that fit real networks: a campus rally shares one IP address and must get
// through; one script on one address must not flood. The clock of the rate-limit
// windows is moved by the test (SignRequest.now), never slept.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { env } from "@/lib/env";
import { recordSignature } from "./mutations";

const SLUG = "amazon-stop-hosting-palantir";
// Window-aligned instants of a day nobody else's windows use.
const NOON = Date.UTC(2030, 0, 1, 12, 0, 0);

function sign(email: string, ip: string, now: number) {
  return recordSignature({ campaignSlug: SLUG, input: { fullName: "Rally Student", email }, locale: "en", clientIp: ip, now });
}

async function rows<T>(query: ReturnType<typeof sql>) {
  return queryRows<T>(await getDb(), query);
}

describe("a rally behind one campus IP", () => {
  it("gets 300 signatures in two minutes through, flagging those over the soft limit for review", async () => {
    expect(env.SIGN_LIMIT_PER_IP).toEqual({ max: 20, seconds: 600 }); // the defaults are what is tested
    const ip = "203.0.113.10";
    const results = [];
    // 300 students, one every 0.4 s: 150 a minute.
    for (let i = 0; i < 300; i++) results.push(await sign(`rally${i}@campus.example.edu`, ip, NOON + i * 400));
    expect(results.filter((r) => !r.ok)).toEqual([]);

    const stored = await rows<{ email: string; flagged_reason: string | null }>(
      sql`select email, flagged_reason from signatures where email like 'rally%@campus.example.edu'`,
    );
    expect(stored).toHaveLength(300);
    const flagged = stored.filter((r) => r.flagged_reason !== null);
    expect(flagged).toHaveLength(280); // the first 20 in the ten minutes are not
    expect(new Set(flagged.map((r) => r.flagged_reason))).toEqual(new Set(["ip_soft_limit"]));
    expect(stored.find((r) => r.email === "rally0@campus.example.edu")?.flagged_reason).toBeNull();
  });
});

describe("a script on one IP", () => {
  it("is refused past the burst limit, told the seconds left in that minute, and let in again after", async () => {
    const ip = "203.0.113.20";
    const start = NOON + 3600_000;
    for (let i = 0; i < env.SIGN_LIMIT_PER_IP_BURST.max; i++) {
      expect((await sign(`flood${i}@example.org`, ip, start + i * 10)).ok).toBe(true);
    }
    const refused = await sign("flood-over@example.org", ip, start + 16_000);
    expect(refused).toEqual({ ok: false, code: "rate_limited", retryAfter: 44 });
    expect(await rows(sql`select 1 from signatures where email = 'flood-over@example.org'`)).toHaveLength(0);
    // Once that minute is over, the next is accepted (and flagged: it is far over the soft limit).
    expect(await sign("flood-next@example.org", ip, start + 60_000)).toMatchObject({ ok: true });
    const [next] = await rows<{ flagged_reason: string }>(
      sql`select flagged_reason from signatures where email = 'flood-next@example.org'`,
    );
    expect(next.flagged_reason).toBe("ip_soft_limit");
  });

  it("is refused past the sustained limit until the hour ends, however it paces itself", async () => {
    const ip = "203.0.113.30";
    const start = NOON + 2 * 3600_000;
    const { max } = env.SIGN_LIMIT_PER_IP_SUSTAINED;
    // Just under the burst limit each minute: 1000 in five minutes.
    const pace = Math.ceil(60_000 / env.SIGN_LIMIT_PER_IP_BURST.max);
    for (let i = 0; i < max; i++) {
      const result = await sign(`steady${i}@example.org`, ip, start + i * pace);
      if (!result.ok) throw new Error(`signature ${i} refused: ${JSON.stringify(result)}`);
    }
    const at = start + max * pace + 10_000;
    const refused = await sign("steady-over@example.org", ip, at);
    expect(refused).toEqual({ ok: false, code: "rate_limited", retryAfter: Math.ceil((start + 3600_000 - at) / 1000) });
    // Another connection is not held back.
    expect(await sign("someone-else@example.org", "203.0.113.31", at)).toMatchObject({ ok: true });
  });

  it("tells one address over its own limit the seconds left in its hour", async () => {
    const start = NOON + 3 * 3600_000;
    for (let i = 0; i < env.SIGN_LIMIT_PER_EMAIL.max; i++) {
      expect((await sign("again@example.org", `198.51.100.${i}`, start + i * 1000)).ok).toBe(true);
    }
    expect(await sign("again@example.org", "198.51.100.99", start + 514_000)).toEqual({
      ok: false,
      code: "rate_limited",
      retryAfter: 3600 - 514,
    });
  });
});
