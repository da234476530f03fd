// Reading Resend's rate-limit headers, and keeping addresses out of stored errors.
import { describe, expect, it } from "vitest";
import { redactAddresses, retryAfterSeconds } from "./sender";

describe("retryAfterSeconds", () => {
  it("waits the later of retry-after and ratelimit-reset", () => {
    expect(retryAfterSeconds({ "retry-after": "1", "ratelimit-reset": "3" })).toBe(3);
    expect(retryAfterSeconds({ "retry-after": "2" })).toBe(2);
    expect(retryAfterSeconds({ "ratelimit-reset": "0.5" })).toBe(1); // at least a second
  });
  it("reads an HTTP date, and falls back to 1 s when nothing is readable", () => {
    const now = Date.parse("2026-11-30T12:00:00Z");
    expect(retryAfterSeconds({ "retry-after": "Mon, 30 Nov 2026 12:00:05 GMT" }, now)).toBe(5);
    expect(retryAfterSeconds({ "retry-after": "soon" })).toBe(1);
    expect(retryAfterSeconds(null)).toBe(1);
  });
  it("never waits more than an hour on a header's word", () => {
    expect(retryAfterSeconds({ "retry-after": "86400" })).toBe(3600);
  });
});

describe("redactAddresses", () => {
  it("removes addresses from a provider's message", () => {
    expect(redactAddresses("Invalid `to` field: ana.ruiz+x@example.org is not allowed")).toBe(
      "Invalid `to` field: <address> is not allowed",
    );
  });
});
