// A local stand-in for the Resend HTTP API, for tests. Only node: built-ins.
//
// The real `resend` SDK works against it unchanged: `new Resend(key, { baseUrl: standin.url })`
// or RESEND_BASE_URL. It mirrors what resend@6.38.0 sends and reads:
//   POST /emails        body: snake_case email (from, to, subject, html, text, headers, reply_to, ...)
//                       answers 200 { id }
//   POST /emails/batch  body: array of the same (≤ 100), header x-batch-validation strict|permissive
//                       answers 200 { data: [{ id }, ...] } (+ errors: [{ index, message }] if permissive)
//   GET  /emails        answers { object: "list", has_more, data: [...] }   (limit/after/before)
//   GET  /emails/:id    answers { object: "email", id, ..., html, text }
// Errors use Resend's body shape { statusCode, name, message }; the SDK parses that body
// and RETURNS it as `error` (it never throws), so tests can assert on error.statusCode.
//
// Behaviour worth knowing:
// - Authorization: Bearer <non-empty> is required on the API routes (401 missing_api_key).
// - Idempotency-Key: a repeated key on the same route answers the stored response and records
//   nothing new; the same key with a different body answers 409 invalid_idempotent_request
//   (as Resend does). Only successful answers are stored, so a retry after a failure sends.
// - failNext / rateLimitNext queue faults for the next email POSTs (after the auth check,
//   before validation and idempotency); calls add to the queue, reset() empties it.
// - A rate limit, as Resend enforces per team (2 requests/s by default): setRateLimit(n)
//   (or { ratePerSecond } at start) admits at most n API requests in any 1-second window
//   and answers the rest 429 rate_limit_exceeded with retry-after / ratelimit-* headers;
//   refused requests do not use up the window. Admitted answers carry ratelimit-* too.
// - holdAccepted(n): the next n email POSTs that are accepted are recorded (and their
//   idempotency key stored) at once, but their answers wait for releaseHeld(): the moment
//   between "the provider accepted" and "the client heard", for crash tests.
// - Everything is kept in memory only and nothing is logged: the addresses are signers'.
//
// Standalone (for Playwright in another process), bound to 127.0.0.1 only:
//   npx tsx test/resend-standin.ts --port 4010 [--rate 2]   → prints the URL on stdout
//   GET  /__health   → 200 { ok: true }  (for Playwright's webServer.url)
//   GET  /__sent     → JSON SentEmail[]  (?to=address filters by recipient)
//   GET  /__recipients → JSON { address: messages received } (for large sends; with --light no bodies are kept)
//   GET  /__requests → JSON [{ method, path, status, at }]   (at: arrival, ms since the epoch)
//   POST /__control  { failNext?: n, status?: s, rateLimitNext?: n, reset?: true, clearFaults?: true,
//                      ratePerSecond?: n | null }
//                    → 200 { ok: true, pendingFaults }   (reset / clearFaults are applied first)
// The /__ routes need no Authorization and are not recorded in requests().

import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type SentEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  receivedAt: number;
  // Extras, recorded when present.
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  tags?: { name: string; value: string }[];
  scheduledAt?: string;
  batch?: boolean;
};

export type RecordedRequest = { method: string; path: string; status: number };

export interface ResendStandin {
  url: string;
  sent(): SentEmail[];
  requests(): RecordedRequest[];
  /** When each request of requests() arrived (ms since the epoch, as its headers came in). */
  arrivals(): number[];
  failNext(n: number, status?: number): void;
  rateLimitNext(n: number): void;
  /** At most n API requests in any 1-second window (null: no limit). Kept across reset(). */
  setRateLimit(perSecond: number | null): void;
  /** Hold the answers of the next n accepted email POSTs until releaseHeld(). */
  holdAccepted(n: number): void;
  /** Resolves once `n` answers are being held. */
  waitForHeld(n?: number): Promise<void>;
  releaseHeld(): void;
  reset(): void;
  close(): Promise<void>;
}

type ResendErrorName =
  | "invalid_idempotency_key"
  | "validation_error"
  | "missing_api_key"
  | "invalid_api_key"
  | "not_found"
  | "method_not_allowed"
  | "invalid_idempotent_request"
  | "missing_required_field"
  | "rate_limit_exceeded"
  | "application_error"
  | "internal_server_error";

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
type Fault = { kind: "fail"; status: number } | { kind: "rate_limit" };

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const MAX_BATCH = 100;
const MAX_RECIPIENTS = 50;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const NAMED_ADDRESS = /^[^<>]*<\s*([^\s@<>]+@[^\s@<>]+)\s*>$/;
const TAG_PART = /^[A-Za-z0-9_-]{1,256}$/;

function errorAnswer(status: number, name: ResendErrorName, message: string, headers?: Record<string, string>): Answer {
  return { status, body: { statusCode: status, name, message }, headers };
}

function nameForStatus(status: number): ResendErrorName {
  switch (status) {
    case 400: return "validation_error";
    case 401: return "missing_api_key";
    case 403: return "invalid_api_key";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 409: return "invalid_idempotent_request";
    case 422: return "validation_error";
    case 429: return "rate_limit_exceeded";
    case 500: return "internal_server_error";
    default: return "application_error";
  }
}

function rateLimited(limit = 2, retryAfter = 1): Answer {
  return errorAnswer(
    429,
    "rate_limit_exceeded",
    `Too many requests. You can only make ${limit} requests per second. See rate limit response headers for more information.`,
    { "retry-after": String(retryAfter), "ratelimit-limit": String(limit), "ratelimit-remaining": "0", "ratelimit-reset": String(retryAfter) },
  );
}

function injectedFailure(status: number): Answer {
  if (status === 429) return rateLimited();
  return errorAnswer(status, nameForStatus(status), `Injected failure (HTTP ${status}) from the Resend stand-in.`);
}

function isAddress(value: string): boolean {
  const v = value.trim();
  return ADDRESS.test(v) || NAMED_ADDRESS.test(v);
}

/** A stable serialisation (sorted keys) to compare idempotent request bodies. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

type Parsed = { ok: true; email: Omit<SentEmail, "id" | "receivedAt" | "idempotencyKey" | "batch"> } | { ok: false; answer: Answer };

function addressList(field: string, value: unknown, required: boolean): { ok: true; list?: string[] } | { ok: false; answer: Answer } {
  if (value === undefined || value === null) {
    if (required) return { ok: false, answer: errorAnswer(422, "missing_required_field", `Missing \`${field}\` field.`) };
    return { ok: true };
  }
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.some((v) => typeof v !== "string")) {
    return { ok: false, answer: errorAnswer(422, "validation_error", `Invalid \`${field}\` field. Expected a string or an array of strings.`) };
  }
  if (required && list.length === 0) {
    return { ok: false, answer: errorAnswer(422, "missing_required_field", `Missing \`${field}\` field.`) };
  }
  if (list.length > MAX_RECIPIENTS) {
    return { ok: false, answer: errorAnswer(422, "validation_error", `Too many recipients in \`${field}\`: at most ${MAX_RECIPIENTS}.`) };
  }
  for (const address of list as string[]) {
    if (!isAddress(address)) {
      return {
        ok: false,
        answer: errorAnswer(422, "validation_error", `Invalid \`${field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`),
      };
    }
  }
  return { ok: true, list: list as string[] };
}

function parseEmail(input: unknown, inBatch: boolean): Parsed {
  const fail = (status: number, name: ResendErrorName, message: string): Parsed => ({ ok: false, answer: errorAnswer(status, name, message) });
  if (!input || typeof input !== "object" || Array.isArray(input)) return fail(422, "validation_error", "The request body must be a JSON object.");
  const e = input as Record<string, unknown>;

  if (e.from === undefined || e.from === null || e.from === "") return fail(422, "missing_required_field", "Missing `from` field.");
  if (typeof e.from !== "string" || !isAddress(e.from)) {
    return fail(422, "validation_error", "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.");
  }
  const to = addressList("to", e.to, true);
  if (!to.ok) return to;
  if (e.subject === undefined || e.subject === null || e.subject === "") return fail(422, "missing_required_field", "Missing `subject` field.");
  if (typeof e.subject !== "string") return fail(422, "validation_error", "Invalid `subject` field. Expected a string.");
  if (e.template !== undefined) return fail(422, "validation_error", "Templates are not supported by the stand-in: send html and/or text.");
  const hasHtml = typeof e.html === "string" && e.html !== "";
  const hasText = typeof e.text === "string" && e.text !== "";
  if ((e.html !== undefined && typeof e.html !== "string") || (e.text !== undefined && typeof e.text !== "string")) {
    return fail(422, "validation_error", "Invalid `html` or `text` field. Expected a string.");
  }
  if (!hasHtml && !hasText) return fail(422, "missing_required_field", "Missing `html` or `text` field.");

  let headers: Record<string, string> | undefined;
  if (e.headers !== undefined && e.headers !== null) {
    if (typeof e.headers !== "object" || Array.isArray(e.headers) || Object.values(e.headers).some((v) => typeof v !== "string")) {
      return fail(422, "validation_error", "Invalid `headers` field. Expected an object of string values.");
    }
    headers = { ...(e.headers as Record<string, string>) };
  }
  const cc = addressList("cc", e.cc, false);
  if (!cc.ok) return cc;
  const bcc = addressList("bcc", e.bcc, false);
  if (!bcc.ok) return bcc;
  const replyTo = addressList("reply_to", e.reply_to, false);
  if (!replyTo.ok) return replyTo;

  let tags: { name: string; value: string }[] | undefined;
  if (e.tags !== undefined && e.tags !== null) {
    const ok = Array.isArray(e.tags) && e.tags.every((t) => {
      const tag = t as Record<string, unknown> | null;
      return !!tag && typeof tag.name === "string" && typeof tag.value === "string" && TAG_PART.test(tag.name) && TAG_PART.test(tag.value);
    });
    if (!ok) return fail(422, "validation_error", "Invalid `tags` field. Tag names and values may only contain ASCII letters, numbers, underscores or dashes.");
    tags = (e.tags as { name: string; value: string }[]).map(({ name, value }) => ({ name, value }));
  }
  if (inBatch && e.attachments !== undefined) return fail(422, "validation_error", "Attachments are not supported in batch sends.");
  if (inBatch && e.scheduled_at !== undefined) return fail(422, "validation_error", "`scheduled_at` is not supported in batch sends.");
  if (e.scheduled_at !== undefined && typeof e.scheduled_at !== "string") return fail(422, "validation_error", "Invalid `scheduled_at` field.");

  return {
    ok: true,
    email: {
      from: e.from,
      to: to.list!,
      subject: e.subject,
      ...(hasHtml ? { html: e.html as string } : {}),
      ...(hasText ? { text: e.text as string } : {}),
      ...(headers ? { headers } : {}),
      ...(cc.list ? { cc: cc.list } : {}),
      ...(bcc.list ? { bcc: bcc.list } : {}),
      ...(replyTo.list ? { replyTo: replyTo.list } : {}),
      ...(tags ? { tags } : {}),
      ...(typeof e.scheduled_at === "string" ? { scheduledAt: e.scheduled_at } : {}),
    },
  };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function toListEmail(e: SentEmail) {
  return {
    id: e.id,
    object: "email" as const,
    from: e.from,
    to: e.to,
    subject: e.subject,
    cc: e.cc ?? null,
    bcc: e.bcc ?? null,
    reply_to: e.replyTo ?? null,
    created_at: new Date(e.receivedAt).toISOString(),
    scheduled_at: e.scheduledAt ?? null,
    last_event: e.scheduledAt ? ("scheduled" as const) : ("delivered" as const),
    message_id: `<${e.id}@resend-standin.local>`,
  };
}

export async function startResendStandin(
  opts: { port?: number; ratePerSecond?: number | null; /** Keep no html/text (a 100,000-message bench). */ light?: boolean } = {},
): Promise<ResendStandin> {
  let sent: SentEmail[] = [];
  let ratePerSecond: number | null = null;
  let admitted: number[] = []; // times of the requests let through in the last second
  let toHold = 0;
  let held: (() => void)[] = [];
  let heldWaiters: { n: number; resolve: () => void }[] = [];
  let requests: RecordedRequest[] = [];
  let arrivals: number[] = [];
  let faults: Fault[] = [];
  // `${route} ${key}` → the body it was first used with and the answer given.
  let idempotent = new Map<string, { body: string; answer: Answer }>();

  const reset = () => {
    sent = [];
    requests = [];
    arrivals = [];
    faults = [];
    idempotent = new Map();
    admitted = [];
    releaseHeld();
  };
  const queueFaults = (n: number, fault: Fault) => {
    const count = Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
    for (let i = 0; i < count; i++) faults.push(fault);
  };
  const failNext = (n: number, status = 500) => {
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError(`failNext: status must be 400–599, got ${status}`);
    queueFaults(n, { kind: "fail", status });
  };
  const rateLimitNext = (n: number) => queueFaults(n, { kind: "rate_limit" });
  const setRateLimit = (perSecond: number | null) => {
    if (perSecond !== null && !(Number.isInteger(perSecond) && perSecond > 0)) {
      throw new RangeError(`setRateLimit: a positive integer or null, got ${perSecond}`);
    }
    ratePerSecond = perSecond;
    admitted = [];
  };
  setRateLimit(opts.ratePerSecond ?? null);

  /** The rate limit's verdict for a request now: null to let it through (and count it), or the 429. */
  const overLimit = (): Answer | null => {
    if (ratePerSecond === null) return null;
    const now = Date.now();
    admitted = admitted.filter((t) => t > now - 1000);
    if (admitted.length >= ratePerSecond) {
      const retryAfter = Math.max(1, Math.ceil((admitted[0] + 1000 - now) / 1000));
      return rateLimited(ratePerSecond, retryAfter);
    }
    admitted.push(now);
    return null;
  };
  const limitHeaders = (): Record<string, string> =>
    ratePerSecond === null
      ? {}
      : { "ratelimit-limit": String(ratePerSecond), "ratelimit-remaining": String(Math.max(0, ratePerSecond - admitted.length)), "ratelimit-reset": "1" };

  const notifyHeld = () => {
    heldWaiters = heldWaiters.filter((w) => (held.length >= w.n ? (w.resolve(), false) : true));
  };
  const releaseHeld = () => {
    const release = held;
    held = [];
    toHold = 0;
    for (const r of release) r();
  };

  const accept = (email: Parsed & { ok: true }, key: string | undefined, batch: boolean): SentEmail => {
    const { html, text, ...rest } = email.email;
    const record: SentEmail = {
      id: randomUUID(),
      ...rest,
      ...(opts.light ? {} : { html, text }),
      ...(key !== undefined ? { idempotencyKey: key } : {}),
      receivedAt: Date.now(),
      ...(batch ? { batch: true } : {}),
    };
    sent.push(record);
    return record;
  };

  async function handleEmailPost(route: "/emails" | "/emails/batch", req: IncomingMessage): Promise<Answer> {
    const raw = await readBody(req);
    if (raw === null) return errorAnswer(413, "validation_error", "The request body is too large.");

    const fault = faults.shift();
    if (fault) return fault.kind === "rate_limit" ? rateLimited() : injectedFailure(fault.status);

    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return errorAnswer(422, "validation_error", "The request body is not valid JSON.");
    }

    const keyHeader = req.headers["idempotency-key"];
    const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
    if (key !== undefined && (key.length < 1 || key.length > 256)) {
      return errorAnswer(400, "invalid_idempotency_key", "The idempotency key must be between 1 and 256 characters.");
    }
    // Compared by digest: a key's first body is kept for 24 h, and batches are large.
    const bodyKey = createHash("sha256").update(canonical(body)).digest("hex");
    if (key !== undefined) {
      const previous = idempotent.get(`${route} ${key}`);
      if (previous) {
        if (previous.body !== bodyKey) {
          return errorAnswer(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload. Change your idempotency key or payload.");
        }
        return previous.answer;
      }
    }

    let answer: Answer;
    if (route === "/emails") {
      const parsed = parseEmail(body, false);
      if (!parsed.ok) return parsed.answer;
      answer = { status: 200, body: { id: accept(parsed, key, false).id } };
    } else {
      if (!Array.isArray(body)) return errorAnswer(422, "validation_error", "The batch request body must be an array of emails.");
      if (body.length === 0) return errorAnswer(422, "validation_error", "The batch must contain at least one email.");
      if (body.length > MAX_BATCH) return errorAnswer(422, "validation_error", `Too many emails in the batch: at most ${MAX_BATCH}.`);
      const mode = String(req.headers["x-batch-validation"] ?? "strict").toLowerCase();
      const parsed = body.map((item) => parseEmail(item, true));
      if (mode === "permissive") {
        const data: { id: string }[] = [];
        const errors: { index: number; message: string }[] = [];
        parsed.forEach((p, index) => {
          if (p.ok) data.push({ id: accept(p, key, true).id });
          else errors.push({ index, message: (p.answer.body as { message: string }).message });
        });
        answer = { status: 200, body: { data, errors } };
      } else {
        const index = parsed.findIndex((p) => !p.ok);
        if (index !== -1) {
          const bad = parsed[index] as Parsed & { ok: false };
          const { name, message } = bad.answer.body as { name: ResendErrorName; message: string };
          return errorAnswer(bad.answer.status, name, `emails[${index}]: ${message}`);
        }
        const data = parsed.map((p) => ({ id: accept(p as Parsed & { ok: true }, key, true).id }));
        answer = { status: 200, body: { data } };
      }
    }
    if (key !== undefined) idempotent.set(`${route} ${key}`, { body: bodyKey, answer });
    return answer;
  }

  function handleList(url: URL): Answer {
    const limitParam = url.searchParams.get("limit");
    const limit = limitParam === null ? 20 : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return errorAnswer(422, "validation_error", "The `limit` parameter must be an integer between 1 and 100.");
    }
    const newestFirst = [...sent].reverse();
    const after = url.searchParams.get("after");
    const before = url.searchParams.get("before");
    let start = 0;
    let end = newestFirst.length;
    if (after) start = newestFirst.findIndex((e) => e.id === after) + 1;
    if (before) end = Math.max(0, newestFirst.findIndex((e) => e.id === before));
    const window = before ? newestFirst.slice(Math.max(start, end - limit), end) : newestFirst.slice(start, start + limit);
    const hasMore = before ? end - limit > start : start + limit < end;
    return { status: 200, body: { object: "list", has_more: hasMore, data: window.map(toListEmail) } };
  }

  async function handleApi(method: string, path: string, url: URL, req: IncomingMessage): Promise<Answer> {
    const isEmailPost = path === "/emails" || path === "/emails/batch";
    const isEmailGet = path === "/emails" || /^\/emails\/[^/]+$/.test(path);
    if (!isEmailPost && !isEmailGet) return errorAnswer(404, "not_found", "The requested endpoint does not exist.");

    const auth = req.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!match) {
      await readBody(req).catch(() => null);
      return errorAnswer(
        401,
        "missing_api_key",
        "Missing API key in the authorization header. Include the following header 'Authorization: Bearer YOUR_API_KEY' in the request.",
      );
    }
    const refused = overLimit();
    if (refused) {
      await readBody(req).catch(() => null);
      return refused;
    }

    if (method === "POST" && isEmailPost) return handleEmailPost(path as "/emails" | "/emails/batch", req);
    if (method === "GET" && path === "/emails") return handleList(url);
    if (method === "GET" && isEmailGet && path !== "/emails/batch") {
      const id = decodeURIComponent(path.slice("/emails/".length));
      const email = sent.find((e) => e.id === id);
      if (!email) return errorAnswer(404, "not_found", "Email not found.");
      return { status: 200, body: { ...toListEmail(email), html: email.html ?? null, text: email.text ?? null, tags: email.tags ?? [] } };
    }
    await readBody(req).catch(() => null);
    return errorAnswer(405, "method_not_allowed", "Method is not allowed for the requested path.");
  }

  async function handleControl(method: string, path: string, url: URL, req: IncomingMessage): Promise<Answer> {
    if (method === "GET" && path === "/__health") return { status: 200, body: { ok: true } };
    if (method === "GET" && path === "/__sent") {
      const to = url.searchParams.get("to")?.toLowerCase();
      const list = to ? sent.filter((e) => e.to.some((a) => a.toLowerCase().includes(to))) : sent;
      return { status: 200, body: list };
    }
    if (method === "GET" && path === "/__recipients") {
      // Messages per address: duplicates and losses of a large send, without the bodies.
      const counts: Record<string, number> = {};
      for (const e of sent) for (const a of e.to) counts[a.toLowerCase()] = (counts[a.toLowerCase()] ?? 0) + 1;
      return { status: 200, body: counts };
    }
    if (method === "GET" && path === "/__requests") {
      return { status: 200, body: requests.map((r, i) => ({ ...r, at: arrivals[i] })) };
    }
    if (method === "POST" && path === "/__control") {
      const raw = await readBody(req);
      let body: Record<string, unknown>;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        if (!body || typeof body !== "object" || Array.isArray(body)) throw new Error("not an object");
      } catch {
        return { status: 400, body: { ok: false, message: "Body must be a JSON object." } };
      }
      try {
        if (body.reset === true) reset();
        if (body.clearFaults === true) faults = [];
        if (body.failNext !== undefined) failNext(Number(body.failNext), body.status === undefined ? 500 : Number(body.status));
        if (body.rateLimitNext !== undefined) rateLimitNext(Number(body.rateLimitNext));
        if (body.ratePerSecond !== undefined) setRateLimit(body.ratePerSecond === null ? null : Number(body.ratePerSecond));
      } catch (error) {
        return { status: 400, body: { ok: false, message: (error as Error).message } };
      }
      return { status: 200, body: { ok: true, pendingFaults: faults.length } };
    }
    await readBody(req).catch(() => null);
    return { status: 404, body: { ok: false, message: "Unknown control route." } };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const isControl = path.startsWith("/__");
    const arrivedAt = Date.now();

    const reply = (answer: Answer) => {
      if (!isControl) {
        requests.push({ method, path, status: answer.status });
        arrivals.push(arrivedAt);
      }
      const payload = JSON.stringify(answer.body);
      const write = () => {
        res.writeHead(answer.status, {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(payload),
          ...(isControl || answer.status === 429 ? {} : limitHeaders()),
          ...answer.headers,
        });
        res.end(payload);
      };
      if (!isControl && method === "POST" && answer.status === 200 && toHold > 0) {
        toHold -= 1;
        held.push(write);
        notifyHeld();
        return;
      }
      write();
    };

    (isControl ? handleControl(method, path, url, req) : handleApi(method, path, url, req))
      .then(reply)
      .catch(() => reply(errorAnswer(500, "internal_server_error", "The stand-in failed to handle the request.")));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sent: () => sent.map((e) => structuredClone(e)),
    requests: () => requests.map((r) => ({ ...r })),
    arrivals: () => [...arrivals],
    failNext,
    rateLimitNext,
    setRateLimit,
    holdAccepted: (n: number) => {
      toHold += Math.max(0, Math.floor(n));
    },
    waitForHeld: (n = 1) =>
      new Promise<void>((resolve) => {
        heldWaiters.push({ n, resolve });
        notifyHeld();
      }),
    releaseHeld,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        releaseHeld();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The stand-in in a process of its own (as Resend is remote: its clock and event loop are not the app's). */
export type RemoteStandin = {
  url: string;
  /** Messages received per address (lower-cased). */
  recipients(): Promise<Record<string, number>>;
  sent(): Promise<SentEmail[]>;
  requests(): Promise<(RecordedRequest & { at: number })[]>;
  control(body: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
};

export async function spawnResendStandin(opts: { ratePerSecond?: number; light?: boolean; port?: number } = {}): Promise<RemoteStandin> {
  const root = path.resolve(import.meta.dirname, "..");
  const args = [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "test/resend-standin.ts"), "--port", String(opts.port ?? 0)];
  if (opts.ratePerSecond) args.push("--rate", String(opts.ratePerSecond));
  if (opts.light) args.push("--light");
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve(line.trim()));
    child.once("exit", (code) => reject(new Error(`the Resend stand-in exited (${code}) before it listened`)));
  });
  const get = async <T>(route: string) => (await fetch(`${url}${route}`)).json() as Promise<T>;
  return {
    url,
    sent: () => get<SentEmail[]>("/__sent"),
    recipients: () => get<Record<string, number>>("/__recipients"),
    requests: () => get<(RecordedRequest & { at: number })[]>("/__requests"),
    control: async (body) => (await fetch(`${url}/__control`, { method: "POST", body: JSON.stringify(body) })).json(),
    close: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

// Standalone: `npx tsx test/resend-standin.ts --port 4010`
if (/resend-standin\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  const args = process.argv.slice(2);
  const flag = args.findIndex((a) => a === "--port" || a.startsWith("--port="));
  const arg = flag === -1 ? undefined : args[flag];
  const rawPort = arg === undefined ? "0" : arg.includes("=") ? arg.slice("--port=".length) : (args[flag + 1] ?? "");
  const port = Number(rawPort);
  if (rawPort === "" || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`resend-standin: invalid --port ${rawPort}`);
    process.exit(2);
  }
  const rateFlag = args.findIndex((a) => a === "--rate" || a.startsWith("--rate="));
  const rawRate = rateFlag === -1 ? undefined : args[rateFlag].includes("=") ? args[rateFlag].slice("--rate=".length) : args[rateFlag + 1];
  const rate = rawRate === undefined ? null : Number(rawRate);
  if (rate !== null && !(Number.isInteger(rate) && rate > 0)) {
    console.error(`resend-standin: invalid --rate ${rawRate}`);
    process.exit(2);
  }
  startResendStandin({ port, ratePerSecond: rate, light: args.includes("--light") }).then(
    (standin) => {
      console.log(standin.url);
      const stop = () => void standin.close().finally(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (error: Error) => {
      console.error(`resend-standin: ${error.message}`);
      process.exit(1);
    },
  );
}
