// Confirmation email delivery through the real Resend SDK, pointed at a local
// stand-in of the Resend API that records what was "sent" and can fail on demand.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startResendStandin } from "@/test/resend-standin";

const standin = await startResendStandin();
process.env.RESEND_API_KEY = "re_test_delivery";
process.env.RESEND_BASE_URL = standin.url;
process.env.APP_URL = "https://cutties.test";
process.env.MAIL_FROM = "Cut Ties <no-reply@cutties.test>";

const { getDb, queryRows } = await import("@/db/client");
const { recordSignature, confirmSignature } = await import("@/lib/signatures/mutations");
const { deliverOutboxEmail, deliverDueEmails, MAX_ATTEMPTS } = await import("./outbox");
const { startWorkers } = await import("@/lib/jobs/workers");

afterAll(() => standin.close());

let ip = 0;
async function signAndGetOutbox(email: string, locale: "en" | "es" = "en") {
  const result = await recordSignature({
    campaignSlug: "thomson-reuters-cut-ice-data",
    input: { fullName: "Lucía Gómez", email },
    locale,
    clientIp: `203.0.113.${++ip}`,
  });
  expect(result.ok).toBe(true);
  const db = await getDb();
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select o.id from email_outbox o join signatures s on s.id = o.signature_id where s.email = ${email}`,
  );
  return row.id;
}

async function outboxRow(id: string) {
  const [row] = await queryRows<Record<string, unknown>>(await getDb(), sql`select * from email_outbox where id = ${id}`);
  return row;
}

async function secondsUntilDue(id: string) {
  const [row] = await queryRows<{ s: number }>(
    await getDb(),
    sql`select extract(epoch from next_attempt_at - now())::float8 as s from email_outbox where id = ${id}`,
  );
  return Number(row.s);
}

const confirmLink = (text: string) => text.match(/https:\/\/cutties\.test\/\S*confirm\/[A-Za-z0-9_-]+/)?.[0];

describe("delivering a confirmation email", () => {
  it("sends HTML and text with a working confirmation link, and never twice", async () => {
    const id = await signAndGetOutbox("lucia@example.org");
    expect(await deliverOutboxEmail(id)).toBe("sent");
    expect(await deliverOutboxEmail(id)).toBe("skipped");
    const mails = standin.sent().filter((m) => m.to.includes("lucia@example.org"));
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.from).toBe("Cut Ties <no-reply@cutties.test>");
    expect(mail.subject).toMatch(/^Confirm your signature/);
    expect(mail.idempotencyKey).toBe(`outbox-${id}`);
    const link = confirmLink(mail.text!);
    expect(link).toMatch(/^https:\/\/cutties\.test\/campaigns\/thomson-reuters-cut-ice-data\/confirm\//);
    expect(mail.html).toContain(link);
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "sent", provider_id: mail.id, subject: null, text: null });

    const token = link!.split("/").pop()!;
    expect(await confirmSignature(token)).toMatchObject({ status: "confirmed" });
  });

  it("writes Spanish email for a Spanish signer, with a Spanish link", async () => {
    const id = await signAndGetOutbox("maria@example.org", "es");
    await deliverOutboxEmail(id);
    const mail = standin.sent().find((m) => m.to.includes("maria@example.org"))!;
    expect(mail.subject).toMatch(/firma/i);
    expect(confirmLink(mail.text!)).toMatch(/^https:\/\/cutties\.test\/es\/campaigns\//);
  });

  it("throws on a provider error or a 429, keeps the email queued for later, then sends it on retry", async () => {
    const id = await signAndGetOutbox("retry@example.org");
    standin.failNext(1, 500);
    await expect(deliverOutboxEmail(id)).rejects.toThrow(/500/);
    let row = await outboxRow(id);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row.last_error).toMatch(/500/);
    // Backed off: not due again for a few seconds, so a worker round leaves it alone.
    expect(await secondsUntilDue(id)).toBeGreaterThan(2);
    expect((await deliverDueEmails(25)).claimed).toBe(0);

    standin.rateLimitNext(1);
    await expect(deliverOutboxEmail(id)).rejects.toThrow(/429/);
    row = await outboxRow(id);
    expect(row).toMatchObject({ status: "queued", attempts: 1 }); // a 429 is not the email's attempt
    expect(await deliverOutboxEmail(id)).toBe("sent");
    expect(standin.sent().filter((m) => m.to.includes("retry@example.org"))).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2, last_error: null });
  });

  it("gives an email up as failed after its last attempt", async () => {
    const id = await signAndGetOutbox("giveup@example.org");
    await (await getDb()).execute(sql`update email_outbox set attempts = ${MAX_ATTEMPTS - 1} where id = ${id}`);
    standin.failNext(1, 500);
    await expect(deliverOutboxEmail(id)).rejects.toThrow(/500/);
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await deliverOutboxEmail(id)).toBe("skipped");
  });

  it("sends each due email once when two workers take rounds at the same time", async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await signAndGetOutbox(`pair${i}@example.org`));
    const posts = () => standin.requests().filter((r) => r.method === "POST" && r.path === "/emails").length;
    const before = posts();
    const [a, b] = await Promise.all([deliverDueEmails(25), deliverDueEmails(25)]);
    // Asked of Resend once each: its idempotency key would hide a second send.
    expect(posts() - before).toBe(12);
    expect(a.claimed + b.claimed).toBe(12);
    for (let i = 0; i < 12; i++) {
      expect(standin.sent().filter((m) => m.to.includes(`pair${i}@example.org`))).toHaveLength(1);
    }
    for (const id of ids) expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("logs no address or token when delivery fails", async () => {
    const id = await signAndGetOutbox("secret-person@example.org");
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args) => void logged.push(args.join(" ")));
    const spyLog = vi.spyOn(console, "log").mockImplementation((...args) => void logged.push(args.join(" ")));
    standin.failNext(1, 503);
    // A worker's round: it logs the failure (the direct call only throws).
    expect(await deliverDueEmails(25)).toMatchObject({ claimed: 1, sent: 0 });
    await deliverOutboxEmail(id);
    spy.mockRestore();
    spyLog.mockRestore();
    expect(logged.join("\n")).toMatch(/\[email-send\] EmailSendError: Resend refused the email/);
    const row = await outboxRow(id);
    expect(String(row.last_error ?? "")).not.toContain("secret-person");
    expect(logged.join("\n")).not.toContain("secret-person");
    expect(logged.join("\n")).not.toMatch(/confirm\/[A-Za-z0-9_-]{20,}/);
  });
});

describe("the email worker", () => {
  it("delivers what signing queued, retrying through a Resend outage", async () => {
    standin.failNext(1, 500);
    await startWorkers();
    await signAndGetOutbox("worker@example.org");
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline && !standin.sent().some((m) => m.to.includes("worker@example.org"))) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const mails = standin.sent().filter((m) => m.to.includes("worker@example.org"));
    expect(mails).toHaveLength(1);
    const failed = standin.requests().filter((r) => r.path === "/emails" && r.status === 500);
    expect(failed.length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
