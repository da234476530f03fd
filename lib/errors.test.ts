import { afterEach, describe, expect, it, vi } from "vitest";
import { logError } from "./errors";

afterEach(() => vi.restoreAllMocks());

function logged(error: unknown): string {
  const spy = vi.spyOn(console, "error").mockImplementation(() => {});
  logError("pg-boss email-outbox", error);
  return spy.mock.calls.map((call) => call.join(" ")).join("\n");
}

describe("logError", () => {
  it("logs what pg-boss reports as a plain object by its message and stack, not [object Object]", () => {
    const line = logged({
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
    const line = logged({ message: 'Key (email)=(ana@example.org) already exists', stack: "" });
    expect(line).not.toContain("ana@example.org");
    expect(line).toContain("[email]");
  });
});
