import { describe, expect, it } from "vitest";
import { auditFilter, signerFilterSchema, signerPageSchema } from "./schemas";

describe("the signers filter", () => {
  it("drops what does not parse instead of failing the page", () => {
    expect(signerFilterSchema.parse({ q: "  ana ", status: "nonsense", optedIn: "yes", from: "2026-13-45", to: "2026-11-30", source: ["shared", "direct"] }))
      .toEqual({ q: "ana", status: undefined, optedIn: "yes", from: undefined, to: "2026-11-30", source: "shared" });
    expect(signerFilterSchema.parse({ q: "x".repeat(101) }).q).toBeUndefined();
    expect(signerPageSchema.parse({ after: "../../etc", before: "abc_-1" })).toMatchObject({ after: undefined, before: "abc_-1" });
  });

  it("never puts a search (a name or an address) in the audit log", () => {
    expect(auditFilter({ q: "ana@example.org", status: "validated" })).toEqual({ status: "validated", search: "yes" });
    expect(auditFilter({ source: "shared" })).toEqual({ source: "shared" });
  });
});
