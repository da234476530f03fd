// The Resend stand-in, driven by the real `resend` SDK so the two cannot drift apart.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Resend } from "resend";
import { startResendStandin, type ResendStandin } from "./resend-standin";

const FROM = "Cut Ties <no-reply@cutties.localhost>";

describe("Resend stand-in with the real SDK", () => {
  let standin: ResendStandin;
  let resend: Resend;

  beforeAll(async () => {
    standin = await startResendStandin();
    resend = new Resend("re_test_key", { baseUrl: standin.url });
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(() => standin.reset());
  afterEach(() => {
    standin.setRateLimit(null);
    vi.useRealTimers();
  });

  it("records a single send with html, text and headers", async () => {
    const { data, error } = await resend.emails.send({
      from: FROM,
      to: "ana@example.org",
      subject: "Confirm your signature",
      html: "<p>Hello</p>",
      text: "Hello",
      headers: { "X-Entity-Ref-ID": "sig-123" },
      replyTo: "help@cutties.localhost",
      tags: [{ name: "kind", value: "signature_confirmation" }],
    });
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const all = standin.sent();
    expect(all).toHaveLength(1);
    const email = all[0]!;
    expect(email).toMatchObject({
      id: data!.id,
      from: FROM,
      to: ["ana@example.org"],
      subject: "Confirm your signature",
      html: "<p>Hello</p>",
      text: "Hello",
      headers: { "X-Entity-Ref-ID": "sig-123" },
      replyTo: ["help@cutties.localhost"],
      tags: [{ name: "kind", value: "signature_confirmation" }],
    });
    expect(email.idempotencyKey).toBeUndefined();
    expect(typeof email.receivedAt).toBe("number");
    expect(standin.requests()).toEqual([{ method: "POST", path: "/emails", status: 200 }]);

    // The SDK's own read routes work against it too.
    const got = await resend.emails.get(data!.id);
    expect(got.error).toBeNull();
    expect(got.data).toMatchObject({ id: data!.id, text: "Hello", to: ["ana@example.org"] });
    const list = await resend.emails.list();
    expect(list.data?.data.map((e) => e.id)).toEqual([data!.id]);
  });

  it("sends a batch and flattens it into sent()", async () => {
    const { data, error } = await resend.batch.send([
      { from: FROM, to: ["a@example.org"], subject: "One", text: "1" },
      { from: FROM, to: ["b@example.org"], subject: "Two", html: "<p>2</p>" },
    ]);
    expect(error).toBeNull();
    expect(data?.data).toHaveLength(2);
    expect(standin.sent().map((e) => [e.id, e.to[0], e.subject])).toEqual([
      [data!.data[0]!.id, "a@example.org", "One"],
      [data!.data[1]!.id, "b@example.org", "Two"],
    ]);
    expect(standin.requests()).toEqual([{ method: "POST", path: "/emails/batch", status: 200 }]);
  });

  it("rejects a whole strict batch with one invalid email, and sends the valid ones when permissive", async () => {
    const emails = [
      { from: FROM, to: ["a@example.org"], subject: "Ok", text: "1" },
      { from: FROM, to: ["not-an-address"], subject: "Bad", text: "2" },
    ];
    const strict = await resend.batch.send(emails);
    expect(strict.data).toBeNull();
    expect(strict.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(standin.sent()).toHaveLength(0);

    const permissive = await resend.batch.send(emails, { batchValidation: "permissive" });
    expect(permissive.error).toBeNull();
    expect(permissive.data?.data).toHaveLength(1);
    expect(permissive.data?.errors).toEqual([{ index: 1, message: expect.stringContaining("to") }]);
    expect(standin.sent().map((e) => e.subject)).toEqual(["Ok"]);
  });

  it("dedupes a repeated Idempotency-Key and refuses the key with a different payload", async () => {
    const email = { from: FROM, to: "ana@example.org", subject: "Confirm", text: "Hi" };
    const first = await resend.emails.send(email, { idempotencyKey: "signature_confirmation/sig-1/1" });
    const second = await resend.emails.send(email, { idempotencyKey: "signature_confirmation/sig-1/1" });
    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    expect(second.data?.id).toBe(first.data?.id);
    expect(standin.sent()).toHaveLength(1);
    expect(standin.sent()[0]?.idempotencyKey).toBe("signature_confirmation/sig-1/1");

    const changed = await resend.emails.send({ ...email, text: "Different" }, { idempotencyKey: "signature_confirmation/sig-1/1" });
    expect(changed.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });

    const batchA = await resend.batch.send([email], { idempotencyKey: "batch-1" });
    const batchB = await resend.batch.send([email], { idempotencyKey: "batch-1" });
    expect(batchB.data?.data[0]?.id).toBe(batchA.data?.data[0]?.id);
    expect(standin.sent()).toHaveLength(2);
  });

  it("failNext makes the SDK return { error } with the status, then recovers; a retried key still sends", async () => {
    standin.failNext(2);
    standin.failNext(1, 503);
    const email = { from: FROM, to: "ana@example.org", subject: "Confirm", text: "Hi" };

    const a = await resend.emails.send(email, { idempotencyKey: "k-1" });
    expect(a.data).toBeNull();
    expect(a.error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    const b = await resend.batch.send([email]);
    expect(b.error).toMatchObject({ statusCode: 500 });
    const c = await resend.emails.send(email, { idempotencyKey: "k-1" });
    expect(c.error).toMatchObject({ statusCode: 503, name: "application_error" });
    expect(standin.sent()).toHaveLength(0);

    const d = await resend.emails.send(email, { idempotencyKey: "k-1" });
    expect(d.error).toBeNull();
    expect(standin.sent()).toHaveLength(1);
    expect(standin.requests().map((r) => r.status)).toEqual([500, 500, 503, 200]);
  });

  it("rateLimitNext answers 429 rate_limit_exceeded with retry-after", async () => {
    standin.rateLimitNext(1);
    const email = { from: FROM, to: "ana@example.org", subject: "Confirm", text: "Hi" };
    const limited = await resend.emails.send(email);
    expect(limited.data).toBeNull();
    expect(limited.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(limited.headers?.["retry-after"]).toBe("1");

    const ok = await resend.emails.send(email);
    expect(ok.error).toBeNull();
    expect(standin.sent()).toHaveLength(1);
  });

  it("answers 401 without a bearer token", async () => {
    const response = await fetch(`${standin.url}/emails`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: FROM, to: "ana@example.org", subject: "x", text: "x" }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });

    const empty = await fetch(`${standin.url}/emails`, { method: "POST", headers: { authorization: "Bearer " }, body: "{}" });
    expect(empty.status).toBe(401);
    expect(standin.sent()).toHaveLength(0);
    expect(standin.requests()).toEqual([
      { method: "POST", path: "/emails", status: 401 },
      { method: "POST", path: "/emails", status: 401 },
    ]);
  });

  it("answers 422 in Resend's shape for missing fields", async () => {
    const noBody = await resend.emails.send({ from: FROM, to: "ana@example.org", subject: "x" } as never);
    expect(noBody.error).toMatchObject({ statusCode: 422, name: "missing_required_field" });
    const noSubject = await resend.emails.send({ from: FROM, to: "ana@example.org", text: "x" } as never);
    expect(noSubject.error).toMatchObject({ statusCode: 422, name: "missing_required_field", message: expect.stringContaining("subject") });
    const badFrom = await resend.emails.send({ from: "nobody", to: "ana@example.org", subject: "x", text: "x" });
    expect(badFrom.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(standin.sent()).toHaveLength(0);
  });

  it("is controllable over HTTP for tests in another process", async () => {
    const control = (body: unknown) =>
      fetch(`${standin.url}/__control`, { method: "POST", body: JSON.stringify(body) }).then((r) => r.json());
    expect(await control({ failNext: 1, status: 502 })).toEqual({ ok: true, pendingFaults: 1 });

    const email = { from: FROM, to: "ana@example.org", subject: "Confirm", text: "Hi" };
    expect((await resend.emails.send(email)).error).toMatchObject({ statusCode: 502 });
    await resend.emails.send(email);
    const sent = (await fetch(`${standin.url}/__sent`).then((r) => r.json())) as { to: string[] }[];
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toEqual(["ana@example.org"]);
    expect(await fetch(`${standin.url}/__sent?to=someone-else@example.org`).then((r) => r.json())).toEqual([]);

    await control({ rateLimitNext: 1 });
    expect((await resend.emails.send(email)).error).toMatchObject({ statusCode: 429 });
    await control({ reset: true, rateLimitNext: 0 });
    expect(await fetch(`${standin.url}/__sent`).then((r) => r.json())).toEqual([]);
    expect(standin.requests()).toEqual([]);
  });

  it("reports an unreachable server as a returned error with statusCode null", async () => {
    const other = await startResendStandin();
    const url = other.url;
    await other.close();
    const dead = new Resend("re_test_key", { baseUrl: url });
    const result = await dead.emails.send({ from: FROM, to: "ana@example.org", subject: "x", text: "x" });
    expect(result.data).toBeNull();
    expect(result.error).toMatchObject({ statusCode: null, name: "application_error" });
  });

  it("admits N requests in any second and answers the rest 429 with Resend's headers", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    standin.setRateLimit(2);
    const email = { from: FROM, to: "ana@example.org", subject: "Confirm", text: "Hi" };
    const first = await resend.batch.send([email]);
    expect(first.error).toBeNull();
    expect(first.headers).toMatchObject({ "ratelimit-limit": "2", "ratelimit-remaining": "1" });
    vi.advanceTimersByTime(400);
    expect((await resend.emails.send(email)).error).toBeNull();
    vi.advanceTimersByTime(400);
    const refused = await resend.batch.send([email]);
    expect(refused.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(refused.headers).toMatchObject({ "retry-after": "1", "ratelimit-limit": "2", "ratelimit-remaining": "0", "ratelimit-reset": "1" });
    // A refused request does not use up the window: 201 ms later the first has left it.
    vi.advanceTimersByTime(201);
    expect((await resend.batch.send([email])).error).toBeNull();
    expect(standin.sent()).toHaveLength(3);
    expect(standin.requests().map((r) => r.status)).toEqual([200, 200, 429, 200]);
  });

  it("answers a repeated batch key with the first answer, and 409 when its emails differ", async () => {
    const batch = [
      { from: FROM, to: ["a@example.org"], subject: "One", text: "1" },
      { from: FROM, to: ["b@example.org"], subject: "Two", text: "2" },
    ];
    const a = await resend.batch.send(batch, { idempotencyKey: "outbox-batch/abc" });
    const b = await resend.batch.send(batch, { idempotencyKey: "outbox-batch/abc" });
    expect(b.data?.data.map((d) => d.id)).toEqual(a.data?.data.map((d) => d.id));
    const other = await resend.batch.send([batch[0]!, { ...batch[1]!, text: "changed" }], { idempotencyKey: "outbox-batch/abc" });
    expect(other.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(standin.sent()).toHaveLength(2);
  });

  it("holds the answer of an accepted request: recorded at once, answered on release", async () => {
    standin.holdAccepted(1);
    const email = { from: FROM, to: "ana@example.org", subject: "Confirm", text: "Hi" };
    const pending = resend.batch.send([email], { idempotencyKey: "held-1" });
    await standin.waitForHeld(1);
    expect(standin.sent()).toHaveLength(1);
    // A retry with the same key, as after a crash, gets the first answer and sends nothing.
    const retry = await resend.batch.send([email], { idempotencyKey: "held-1" });
    expect(retry.data?.data[0]?.id).toBe(standin.sent()[0]!.id);
    standin.releaseHeld();
    expect((await pending).data?.data[0]?.id).toBe(standin.sent()[0]!.id);
    expect(standin.sent()).toHaveLength(1);
  });

  it("takes a rate limit over HTTP and on the command line's terms", async () => {
    const control = (body: unknown) =>
      fetch(`${standin.url}/__control`, { method: "POST", body: JSON.stringify(body) }).then((r) => r.json());
    expect(await control({ ratePerSecond: 1 })).toMatchObject({ ok: true });
    const email = { from: FROM, to: "ana@example.org", subject: "Confirm", text: "Hi" };
    expect((await resend.emails.send(email)).error).toBeNull();
    expect((await resend.emails.send(email)).error).toMatchObject({ statusCode: 429 });
    expect(await control({ ratePerSecond: null })).toMatchObject({ ok: true });
    expect((await resend.emails.send(email)).error).toBeNull();
  });
});
