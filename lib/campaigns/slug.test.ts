import { describe, expect, it } from "vitest";
import { isSlugShaped } from "./slug";

describe("isSlugShaped", () => {
  it.each(["amazon-stop-hosting-palantir", "a", "no-tech-4-ice", "x".repeat(100)])("accepts %s", (slug) => {
    expect(isSlugShaped(slug)).toBe(true);
  });

  it.each([
    ["a NUL byte", "a\u0000b"],
    ["an empty string", ""],
    ["upper case", "Amazon"],
    ["a leading hyphen", "-a"],
    ["a double hyphen", "a--b"],
    ["a slash", "a/b"],
    ["a percent escape", "%ff"],
    ["non-ASCII", "campaña"],
    ["a space", "a b"],
    ["over 100 characters", "x".repeat(101)],
    ["not a string", 42],
  ])("refuses %s", (_why, slug) => {
    expect(isSlugShaped(slug)).toBe(false);
  });
});
