import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders headings, emphasis and links, with safe rel", () => {
    const html = renderMarkdown("## Why\n\n**ICE** paid [USAspending](https://www.usaspending.gov/award/X).");
    expect(html).toContain("<h2>Why</h2>");
    expect(html).toContain("<strong>ICE</strong>");
    expect(html).toContain('<a href="https://www.usaspending.gov/award/X" rel="noopener noreferrer nofollow">USAspending</a>');
  });

  it("strips scripts, event handlers, images and javascript: links", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="https://tracker.example/p.gif" onerror="x()">\n\n[click](javascript:alert(1))\n\n<a href="#" onclick="x()">a</a>',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|<img|javascript:/i);
  });
});
