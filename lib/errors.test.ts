import { afterEach, describe, expect, it, vi } from "vitest";
import { logError, scrubErrorLogs, scrubMessage } from "./errors";

const NAME = "Maribel Rojas";
const EMAIL = "maribel.rojas@example.org";
const IP_HASH = "Xq3vB0yZ7kLm2Np9Rs4Tu6Wv8Yx1Za3Bc5De7Fg9Hi";
const COMMENT = "me deportaron en 2019";

/** What logError printed, as one string. */
function logged(where: string, error: unknown): string {
  const spy = vi.spyOn(console, "error").mockImplementation(() => {});
  logError(where, error);
  const out = spy.mock.calls.map((args) => args.join(" ")).join("\n");
  spy.mockRestore();
  return out;
}

/** Built like drizzle-orm's DrizzleQueryError around a PostgreSQL error (postgres.js fields). */
function failedQuery() {
  const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
    name: "PostgresError",
    code: "22021",
    routine: "report_invalid_encoding",
  });
  class DrizzleQueryError extends Error {}
  return new DrizzleQueryError(
    `Failed query: insert into signatures (full_name, email, comment, ip_hash) values ($1, $2, $3, $4)\nparams: ${NAME},${EMAIL},${COMMENT},${IP_HASH}`,
    { cause },
  );
}

afterEach(() => vi.restoreAllMocks());

describe("logError", () => {
  it("names a failed query and its PostgreSQL code, without its parameters", () => {
    const out = logged("api-sign", failedQuery());
    expect(out).toContain("[api-sign] DrizzleQueryError");
    expect(out).toContain("PostgresError [22021]");
    expect(out).toContain("insert into signatures");
    for (const secret of [NAME, "Maribel", EMAIL, IP_HASH, COMMENT]) expect(out).not.toContain(secret);
  });

  it("takes quoted values, addresses and tokens out of a message", () => {
    const error = Object.assign(new Error(`invalid input syntax for type uuid: "${NAME}"`), { code: "22P02" });
    const out = logged("x", error);
    expect(out).toContain("[22P02]");
    expect(out).not.toContain(NAME);
    expect(logged("x", new Error(`Key (email_canonical)=(${EMAIL}) already exists`))).not.toContain(EMAIL);
    expect(logged("x", new Error(`could not send to ${EMAIL}`))).not.toContain(EMAIL);
    expect(logged("x", new Error(`token ${IP_HASH} expired`))).not.toContain(IP_HASH);
  });

  it("prints stack frames but not the stack's copy of the message", () => {
    const out = logged("x", failedQuery());
    expect(out).toMatch(/\n\s+at /);
    expect(out.match(/Failed query/g)).toHaveLength(1);
  });

  it("describes an error that is not an Error, instead of [object Object]", () => {
    const out = logged("pg-boss", { name: "QueueError", code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:5432" });
    expect(out).toContain("QueueError [ECONNREFUSED]: connect ECONNREFUSED");
    expect(out).not.toContain("[object Object]");
  });

  it("keeps identifiers a person needs to find the fault", () => {
    expect(scrubMessage('duplicate key value violates unique constraint "signatures_campaign_email_unique"')).toBe(
      'duplicate key value violates unique constraint "signatures_campaign_email_unique"',
    );
  });
});

describe("scrubErrorLogs", () => {
  it("scrubs an Error that other code (Next.js) hands to console.error", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const undo = scrubErrorLogs();
    try {
      console.error(" ⨯", failedQuery(), "digest: 123");
    } finally {
      undo();
    }
    const out = spy.mock.calls.map((args) => args.join(" ")).join("\n");
    expect(out).toContain("DrizzleQueryError");
    expect(out).toContain("digest: 123");
    for (const secret of [NAME, EMAIL, IP_HASH, COMMENT]) expect(out).not.toContain(secret);
  });
});

describe("logError with what pg-boss reports", () => {
  const pgBoss = (error: unknown) => logged("pg-boss email-outbox", error);

  it("logs a plain object by its message and stack, not [object Object]", () => {
    const line = pgBoss({
      message: "Connection terminated unexpectedly",
      stack: "Error: Connection terminated unexpectedly\n    at Client.end (pg/lib/client.js:1:1)",
      queue: "email-outbox",
      worker: "w-1",
    });
    expect(line).not.toContain("[object Object]");
    expect(line).toContain("[pg-boss email-outbox] Error: Connection terminated unexpectedly");
    expect(line).toContain("pg/lib/client.js");
  });

  it("keeps email addresses out of such a message too", () => {
    const line = pgBoss({ message: "Key (email)=(ana@example.org) already exists", stack: "" });
    expect(line).not.toContain("ana@example.org");
    expect(line).toContain("[email]");
  });
});
