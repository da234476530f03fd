import { describe, expect, it } from "vitest";
import { whyLine } from "./why-line";

describe("whyLine", () => {
  it("takes the story's first sentence as plain text", () => {
    expect(whyLine("Palantir builds two systems: ICM and FALCON. ICE hired it in 2014.\n\nMore.")).toBe(
      "Palantir builds two systems: ICM and FALCON.",
    );
  });
  it("keeps a link's words and skips headings", () => {
    expect(whyLine("## Why\n\nIt sold data ([source](https://x.test)) to ICE. Then more.")).toBe("It sold data (source) to ICE.");
  });
  it("does not cut at a decimal or an initial", () => {
    expect(whyLine("A $1.5 million deal with U.S. agencies. Next.")).toBe("A $1.5 million deal with U.S. agencies.");
  });
});
