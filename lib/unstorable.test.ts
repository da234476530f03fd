import { describe, expect, it } from "vitest";
import { isUnstorable, unstorableFields } from "./unstorable";

describe("text the database cannot store", () => {
  it("is a NUL character or a lone surrogate, anywhere in a field or a list", () => {
    expect(isUnstorable("Acme\u0000")).toBe(true);
    expect(isUnstorable("broken \ud800 text")).toBe(true);
    expect(isUnstorable("José «Pérez» 😀\n\ttab")).toBe(false);
    expect(unstorableFields({ title: "ok", story: "a\u0000b", companyIds: ["x", "\udc00"] }))
      .toEqual({ story: ["invalid"], companyIds: ["invalid"] });
    expect(unstorableFields({ title: "ok", companyIds: ["x", "y"] })).toBeNull();
  });
});
