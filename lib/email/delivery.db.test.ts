// Confirmation email delivery through the real Resend SDK, pointed at a local
// stand-in of the Resend API that records what was "sent", can fail on demand and
// can hold an accepted request's answer (the provider accepted; the app has not heard).
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startResendStandin } from "@/test/resend-standin";

const standin = await startResendStandin();
process.env.RESEND_API_KEY = "re_test_delivery";
process.env.RESEND_BASE_URL = standin.url;
process.env.APP_URL = "https://cutties.test";
process.env.MAIL_FROM = "Cut Ties <no-reply@cutties.test>";

const { getDb, queryRows } = await import("@/db/client");
const { recordSignature, confirmSignature } = await import("@/lib/signatures/mutations");
const { claimBatch, deliverNextBatch, sendClaimedBatch, EMAIL_PRIORITY, MAX_ATTEMPTS } = await import("./outbox");

afterAll(() => standin.close());

let ip = 0;
async function sign(email: string, locale: "en" | "es" = "en", fullName = "Lucía Gómez") {
  const result = await recordSignature({
    campaignSlug: "thomson-reuters-cut-ice-data",
    input: { fullName, email },
    locale,
    clientIp: `203.0.113.${++ip % 250}`,
  });
  expect(result.ok).toBe(true);
  const [row] = await queryRows<{ id: string }>(
    await getDb(),
    sql`select o.id from email_outbox o join signatures s on s.id = o.signature_id where s.email = ${email}`,
  );
  return row.id;
}

async function outboxRow(id: string) {
  const [row] = await queryRows<Record<string, unknown>>(await getDb(), sql`select * from email_outbox where id = ${id}`);
  return row;
}

/** Moves a waiting email's retry time to now (a backoff or a lease that ran out, without waiting for it). */
async function makeDue(ids: string[]) {
  for (const id of ids) await (await getDb()).execute(sql`update email_outbox set next_attempt_at = now() where id = ${id}`);
}

const sentTo = (address: string) => standin.sent().filter((m) => m.to.includes(address));
const batchPosts = () => standin.requests().filter((r) => r.method === "POST" && r.path === "/emails/batch");
const confirmLink = (text: string) => text.match(/https:\/\/cutties\.test\/\S*confirm\/[A-Za-z0-9_-]+/)?.[0];

beforeEach(async () => {
  // Each test starts with nothing waiting: earlier tests' leftovers are settled.
  await (await getDb()).execute(sql`update email_outbox set status = 'failed' where status not in ('sent', 'failed')`);
  standin.reset();
});

describe("delivering confirmation emails in batches", () => {
  it("sends several emails in one batch request with working links, and never twice", async () => {
    const ids = [await sign("lucia@example.org"), await sign("marta@example.org"), await sign("nora@example.org")];
    const outcome = await deliverNextBatch();
    expect(outcome).toMatchObject({ claimed: 3, sent: 3, failed: 0 });
    expect(await deliverNextBatch()).toBeNull();
    expect(batchPosts()).toHaveLength(1);
    expect(standin.requests().filter((r) => r.path === "/emails")).toHaveLength(0);

    const [mail] = sentTo("lucia@example.org");
    expect(sentTo("lucia@example.org")).toHaveLength(1);
    expect(mail.from).toBe("Cut Ties <no-reply@cutties.test>");
    expect(mail.subject).toMatch(/^Confirm your signature/);
    // One key for the batch, derived from its emails' ids, the same on every message of it.
    expect(mail.idempotencyKey).toMatch(/^outbox-batch\/[0-9a-f]{64}$/);
    expect(new Set(standin.sent().map((m) => m.idempotencyKey))).toEqual(new Set([mail.idempotencyKey]));
    const link = confirmLink(mail.text!);
    expect(link).toMatch(/^https:\/\/cutties\.test\/campaigns\/thomson-reuters-cut-ice-data\/confirm\//);
    expect(mail.html).toContain(link);
    expect(await outboxRow(ids[0])).toMatchObject({
      status: "sent",
      provider_id: mail.id,
      batch_key: mail.idempotencyKey,
      attempts: 1,
      subject: null,
      text: null,
    });
    const token = link!.split("/").pop()!;
    expect(await confirmSignature(token)).toMatchObject({ status: "confirmed" });
  });

  it("writes Spanish email for a Spanish signer, with a Spanish link", async () => {
    await sign("maria@example.org", "es");
    await deliverNextBatch();
    const [mail] = sentTo("maria@example.org");
    expect(mail.subject).toMatch(/firma/i);
    expect(confirmLink(mail.text!)).toMatch(/^https:\/\/cutties\.test\/es\/campaigns\//);
  });

  it("retries a failed batch whole, with the same key and the same bytes, and counts the attempt", async () => {
    const ids = [await sign("retry1@example.org"), await sign("retry2@example.org")];
    standin.failNext(1, 500);
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args) => void logged.push(args.join(" ")));
    expect(await deliverNextBatch()).toMatchObject({ claimed: 2, sent: 0, failed: 2 });
    spy.mockRestore();
    const failed = await outboxRow(ids[0]);
    expect(failed).toMatchObject({ status: "queued", attempts: 1 });
    expect(failed.last_error).toMatch(/500/);
    expect(logged.join("\n")).not.toContain("retry1@example.org");
    // Backed off: nothing is due; a newcomer goes out in a batch of its own.
    const newcomer = await sign("newcomer@example.org");
    expect(await deliverNextBatch()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await outboxRow(newcomer)).toMatchObject({ status: "sent" });

    await makeDue(ids);
    expect(await deliverNextBatch()).toMatchObject({ claimed: 2, sent: 2 });
    expect(sentTo("retry1@example.org")).toHaveLength(1);
    expect(await outboxRow(ids[1])).toMatchObject({ status: "sent", attempts: 2, last_error: null, batch_key: failed.batch_key });
    expect(sentTo("retry2@example.org")[0].idempotencyKey).toBe(failed.batch_key);
  });

  it("after the provider accepted a batch the app never heard about, a retry sends nothing again", async () => {
    const ids = [await sign("held1@example.org"), await sign("held2@example.org")];
    const batch = (await claimBatch())!;
    standin.holdAccepted(1);
    // The first send: accepted by the provider, its answer held (as if the worker then died).
    const lost = sendClaimedBatch(batch);
    await standin.waitForHeld(1);
    expect(standin.sent()).toHaveLength(2);
    // The lease runs out; another worker takes the same batch and sends it again.
    await makeDue(ids);
    expect(await deliverNextBatch()).toMatchObject({ claimed: 2, sent: 2 });
    expect(sentTo("held1@example.org")).toHaveLength(1);
    expect(sentTo("held2@example.org")).toHaveLength(1);
    expect(await outboxRow(ids[0])).toMatchObject({ status: "sent", provider_id: sentTo("held1@example.org")[0].id });
    standin.releaseHeld();
    await lost;
    expect(standin.sent()).toHaveLength(2);
  });

  it("counts a 409 for a key the provider already accepted as sent (the content changed since)", async () => {
    const id = await sign("changed@example.org", "en", "Ana Before");
    const batch = (await claimBatch())!;
    standin.holdAccepted(1);
    const lost = sendClaimedBatch(batch);
    await standin.waitForHeld(1);
    // The signer corrected their name meanwhile: the retry's body differs under the same key.
    await (await getDb()).execute(sql`update signatures set full_name = 'Beatriz After' where email = 'changed@example.org'`);
    await makeDue([id]);
    expect(await deliverNextBatch()).toMatchObject({ claimed: 1, sent: 1 });
    expect(standin.requests().filter((r) => r.status === 409)).toHaveLength(1);
    expect(sentTo("changed@example.org")).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: "sent" });
    standin.releaseHeld();
    await lost;
  });

  it("on a 429 puts the batch back without counting the attempt, makes every sender wait, and logs it once", async () => {
    const ids = [await sign("limited1@example.org"), await sign("limited2@example.org")];
    standin.rateLimitNext(2);
    const logged: string[] = [];
    const spyErr = vi.spyOn(console, "error").mockImplementation((...args) => void logged.push(args.join(" ")));
    const spyLog = vi.spyOn(console, "log").mockImplementation((...args) => void logged.push(args.join(" ")));
    expect(await deliverNextBatch()).toMatchObject({ rateLimited: true, sent: 0, failed: 0 });
    expect(await outboxRow(ids[0])).toMatchObject({ status: "queued", attempts: 0 });
    const [pace] = await queryRows<{ wait: number }>(
      await getDb(),
      sql`select extract(epoch from blocked_until - now())::float8 as wait from email_send_pace`,
    );
    expect(Number(pace.wait)).toBeGreaterThan(0.5); // retry-after: 1
    await makeDue(ids);
    expect(await deliverNextBatch()).toMatchObject({ rateLimited: true });
    await makeDue(ids);
    const started = Date.now();
    expect(await deliverNextBatch()).toMatchObject({ sent: 2 });
    // The slot waited for the provider's retry-after rather than asking at once.
    expect(Date.now() - started).toBeGreaterThan(500);
    spyErr.mockRestore();
    spyLog.mockRestore();
    expect(logged.filter((l) => l.includes("429"))).toHaveLength(1);
    expect(logged.filter((l) => l.includes("accepts requests again (2 refused"))).toHaveLength(1);
    expect(await outboxRow(ids[1])).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("gives a batch up as failed after its last attempt", async () => {
    const id = await sign("giveup@example.org");
    await (await getDb()).execute(sql`update email_outbox set attempts = ${MAX_ATTEMPTS - 1} where id = ${id}`);
    standin.failNext(1, 500);
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    await deliverNextBatch();
    spy.mockRestore();
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await deliverNextBatch()).toBeNull();
  });

  it("fails one refused message with the provider's error and sends the rest of its batch", async () => {
    const good = await sign("good@example.org");
    const [bad] = await queryRows<{ id: string }>(
      await getDb(),
      sql`insert into email_outbox (kind, to_address, data) values ('data_deletion', 'not-an-address', '{"requestId":"00000000-0000-4000-8000-000000000000"}')
          returning id`,
    );
    expect(await deliverNextBatch()).toMatchObject({ claimed: 2, sent: 1, failed: 1 });
    expect(await outboxRow(good)).toMatchObject({ status: "sent" });
    const row = await outboxRow(bad.id);
    expect(row).toMatchObject({ status: "failed", provider_id: null });
    expect(row.last_error).toMatch(/Resend refused the email: .*to/);
  });

  it("sends transactional email before bulk, whatever was queued first", async () => {
    const [{ id: signatureId }] = await queryRows<{ id: string }>(await getDb(), sql`select id from signatures limit 1`);
    await (await getDb()).execute(
      sql`insert into email_outbox (kind, signature_id, to_address, priority, created_at, next_attempt_at)
          select 'already_signed', ${signatureId}, 'bulk' || g || '@example.org', ${EMAIL_PRIORITY.bulk},
                 now() - interval '1 minute', now() - interval '1 minute'
          from generate_series(1, 150) g`,
    );
    const urgent = await sign("urgent@example.org");
    expect(await deliverNextBatch()).toMatchObject({ claimed: 100 });
    expect(await outboxRow(urgent)).toMatchObject({ status: "sent" });
    // The first request carried the confirmation and 99 of the bulk emails.
    expect(standin.sent().filter((m) => /^bulk\d+@/.test(m.to[0]))).toHaveLength(99);
  });

  it("sends each due email once when two workers take batches at the same time", async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await sign(`pair${i}@example.org`));
    const [a, b] = await Promise.all([deliverNextBatch(), deliverNextBatch()]);
    expect((a?.claimed ?? 0) + (b?.claimed ?? 0)).toBe(12);
    for (let i = 0; i < 12; i++) expect(sentTo(`pair${i}@example.org`)).toHaveLength(1);
    for (const id of ids) expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 1 });
  });
});
