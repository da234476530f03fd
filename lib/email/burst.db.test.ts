// A viral moment: 1,000 signatures in a burst, and a Resend stand-in that allows 2
// requests a second (Resend's default) and refuses the rest with 429, as Resend does.
// The worker must send every confirmation exactly once, quickly, and not storm the API.
// The stand-in runs in its own process, as Resend is remote: in this one, signing's work
// would delay when it sees requests arrive, and so its rate limit's verdicts.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { spawnResendStandin } from "@/test/resend-standin";

const standin = await spawnResendStandin({ ratePerSecond: 2 });
process.env.RESEND_API_KEY = "re_test_burst";
process.env.RESEND_BASE_URL = standin.url;
process.env.MAIL_RATE_PER_SECOND = "2";

const { getDb, queryRows } = await import("@/db/client");
const { recordSignature } = await import("@/lib/signatures/mutations");
const { startWorkers } = await import("@/lib/jobs/workers");

afterAll(() => standin.close());

const SIGNERS = 1000;

describe("a burst of signatures at the provider's default rate", () => {
  it("sends all 1,000 confirmations exactly once within 15 s of the burst, with fewer than 5 % of requests refused", async () => {
    await startWorkers();
    const started = Date.now();
    let next = 0;
    // 20 at a time, as concurrent requests to the app would arrive.
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < SIGNERS) {
          const n = next++;
          const result = await recordSignature({
            campaignSlug: "amazon-stop-hosting-palantir",
            input: { fullName: `Burst Signer ${n}`, email: `burst${n}@example.org` },
            locale: "en",
            clientIp: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          });
          expect(result.ok).toBe(true);
          // Requests arrive over the network, so the app's event loop turns between them; an
          // in-memory database never waits on I/O, and without this the job queue's timers
          // would not fire until the whole burst was stored.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    const burstEnded = Date.now();
    const signedIn = burstEnded - started;

    const db = await getDb();
    const unsent = async () =>
      Number((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from email_outbox where status <> 'sent'`))[0].n);
    while ((await unsent()) > 0 && Date.now() - burstEnded < 60_000) await new Promise((r) => setTimeout(r, 100));
    const allSentAt = Date.now();

    const sent = await standin.sent();
    const perRecipient = new Map<string, number>();
    for (const mail of sent) for (const to of mail.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const requests = (await standin.requests()).filter((r) => r.method === "POST");
    const refused = requests.filter((r) => r.status === 429).length;
    console.log(
      `[burst] ${SIGNERS} signed in ${signedIn} ms; all sent ${allSentAt - burstEnded} ms after the last (${allSentAt - started} ms after the first); ` +
        `${requests.length} requests, ${refused} refused (429), ${sent.length} emails`,
    );

    console.log(`[burst] first requests (ms after the first signature: status): ${requests.slice(0, 20).map((r) => `${r.at - started}:${r.status}`).join(" ")}`);
    expect(await unsent()).toBe(0);
    expect(perRecipient.size).toBe(SIGNERS);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    expect(sent).toHaveLength(SIGNERS);
    // The last signer's wait for the link: within 15 s of the burst (on a quiet machine, far less).
    expect(allSentAt - burstEnded).toBeLessThan(15_000);
    expect(refused / requests.length).toBeLessThan(0.05);
    expect(requests.every((r) => r.path === "/emails/batch")).toBe(true);
  }, 90_000);
});
