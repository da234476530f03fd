import { describe, expect, it } from "vitest";
import { canonicalEmail } from "./canonical-email";

describe("canonicalEmail", () => {
  it("lower-cases and trims", () => {
    expect(canonicalEmail("  Ana@Example.ORG ")).toBe("ana@example.org");
  });
  it("drops +tags everywhere", () => {
    expect(canonicalEmail("ana+petition@example.org")).toBe("ana@example.org");
  });
  it("ignores dots and the googlemail alias at Gmail", () => {
    expect(canonicalEmail("Ana.Perez+x@GoogleMail.com")).toBe("anaperez@gmail.com");
    expect(canonicalEmail("a.n.a@gmail.com")).toBe("ana@gmail.com");
  });
  it("keeps dots at other providers", () => {
    expect(canonicalEmail("ana.perez@example.org")).toBe("ana.perez@example.org");
  });
});
