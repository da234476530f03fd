import { describe, expect, it } from "vitest";
import { goalFor } from "./goal";

describe("goalFor", () => {
  it("steps up as each goal is reached", () => {
    const seen = [0, 99, 100, 249, 250, 499, 500, 999, 1000, 2499, 2500, 4999, 5000, 9999, 10000, 123456].map(goalFor);
    expect(seen).toEqual([100, 100, 250, 250, 500, 500, 1000, 1000, 2500, 2500, 5000, 5000, 10000, 10000, 25000, 250000]);
  });
});
