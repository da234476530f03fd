import { describe, expect, it } from "vitest";
import { canMove, moveTarget, restoredStatus } from "./transitions";

describe("admin moves", () => {
  it("approve and reject only a submitted campaign; take down only a live one", () => {
    expect(canMove("submitted", "approve")).toBe(true);
    expect(canMove("submitted", "reject")).toBe(true);
    expect(canMove("draft", "approve")).toBe(false);
    expect(canMove("live", "approve")).toBe(false);
    expect(canMove("live", "takedown")).toBe(true);
    expect(canMove("won", "takedown")).toBe(true); // anything public (lib/campaigns/states.ts)
    expect(canMove("submitted", "takedown")).toBe(false);
    expect(canMove("taken_down", "takedown")).toBe(false);
    expect(canMove("taken_down", "restore")).toBe(true);
    expect(canMove("live", "restore")).toBe(false);
    expect(restoredStatus("taken_down", "won")).toBe("won");
    expect(restoredStatus("taken_down", "draft")).toBeNull();
    expect(moveTarget).toEqual({ approve: "live", reject: "rejected", takedown: "taken_down" });
  });
});
