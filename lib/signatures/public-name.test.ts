import { describe, expect, it } from "vitest";
import { publicName } from "./public-name";

describe("publicName", () => {
  it("shows the first name and the last initial only", () => {
    expect(publicName("María José García López")).toBe("María L.");
    expect(publicName("  ana   pérez ")).toBe("ana P.");
    expect(publicName("Cher")).toBe("Cher");
  });
});
