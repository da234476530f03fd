// The light campaign page (lib/light-page.ts) on a real page: a campaign page as
// Next.js renders it (captured from the e2e app, its nonce written RENDER-NONCE).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LIGHT_SCRIPT, lightLinkHeader, lightPageHtml } from "./light-page";

const page = fs.readFileSync(path.join(__dirname, "testdata/campaign-page.html"), "utf8");
const light = lightPageHtml(page, "RENDER-NONCE");

describe("lightPageHtml", () => {
  it("starts from a page that carries the framework", () => {
    expect(page.match(/<script\b/g)!.length).toBeGreaterThan(5);
    expect(page).toContain("self.__next_f.push");
    expect(page).toMatch(/<link[^>]+as="script"/);
  });

  it("leaves exactly one script: the light page's own, with the render nonce, before the head ends", () => {
    expect(light.match(/<script\b/gi)).toEqual(["<script"]);
    expect(light).toContain(`<script src="${LIGHT_SCRIPT}" defer nonce="RENDER-NONCE"></script></head>`);
    expect(light).not.toContain("__next_f");
    expect(light).not.toContain("/_next/static/chunks/turbopack");
    expect(light).not.toMatch(/<link[^>]+(as="script"|modulepreload)/);
  });

  it("keeps everything else: styles, head links, the content, the form and the placeholders", () => {
    expect(light).toMatch(/<link rel="stylesheet" href="\/_next\/static\/chunks\/[^"]+\.css"/);
    expect(light).toContain('<link rel="canonical"');
    expect(light).toContain("<title>Pledge: I won’t work for Palantir while it works for ICE · Cut Ties</title>");
    expect(light).toMatch(/<form [^>]*action="\/campaigns\/no-palantir-careers-pledge#sign"[^>]*method="POST"/);
    expect(light).toMatch(/<input type="hidden" name="\$ACTION_/);
    // The client components' markup, hidden until the script reveals what works.
    expect(light).toMatch(/<div class="[^"]*" hidden="" data-share-actions="" data-url="[^"]+\/campaigns\/no-palantir-careers-pledge"/);
    expect(light).toMatch(/<button type="button" class="[^"]+" hidden="" data-share="">/);
    expect(light).toMatch(/<button type="button" class="[^"]+" hidden="" data-copy="" data-second-class="[^"]+">/);
    expect(light).toMatch(/<p role="status" hidden="" data-signed-here="no-palantir-careers-pledge"[^>]*>You took this pledge on this device\.(<!-- -->)? <a class="underline">See your thank-you page and personal link<\/a><\/p>/);
    expect(light).toContain('data-submitting="Sending…"');
    // Only script elements went: the text of the page is the same.
    const text = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, "");
    expect(text(light)).toBe(text(page));
  });
});

describe("lightLinkHeader", () => {
  it("drops script preloads and keeps the rest", () => {
    expect(
      lightLinkHeader('</_next/static/chunks/a.css>; rel=preload; as="style", </_next/static/chunks/b.js>; rel=preload; as="script"; fetchpriority="low", </c.js>; rel=modulepreload'),
    ).toBe('</_next/static/chunks/a.css>; rel=preload; as="style"');
    expect(lightLinkHeader('</_next/static/chunks/b.js>; rel=preload; as="script"')).toBeNull();
  });
});
