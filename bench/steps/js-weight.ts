// Step: how much JavaScript the campaign page makes a browser download — every module
// script the page names (not the noModule polyfills modern browsers skip), fetched as a
// browser would, brotli and gzip — and how much of it is the app's own code.
import http from "node:http";
import type { AppStep } from "../context";
import { PAGE_PATH, log } from "../settings";

export type JsWeight = { scripts: number; brotliBytes: number; gzipBytes: number; appBrotliBytes: number };
export const JS_TARGET_BYTES = 100 * 1024;

// The app's own client code: chunks holding this app's client components.
const APP_MARKERS = ["signAction", "requestDeletionAction", "navigator.share"];

/** Bytes as they come over the wire in `encoding` (node:http does not decode, unlike fetch). */
function wireSize(port: number, path: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path, headers: { "accept-encoding": encoding } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve(bytes));
      response.on("error", reject);
    }).on("error", reject);
  });
}

export async function measureJsWeight(port: number): Promise<JsWeight> {
  const base = `http://127.0.0.1:${port}`;
  const html = await (await fetch(`${base}${PAGE_PATH}`, { headers: { accept: "text/html", "sec-fetch-dest": "document" } })).text();
  const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attributes) => !/\bnoModule\b/i.test(attributes))
    .map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1])
    .filter((src): src is string => Boolean(src));
  const weight: JsWeight = { scripts: sources.length, brotliBytes: 0, gzipBytes: 0, appBrotliBytes: 0 };
  for (const src of new Set(sources)) {
    const br = await wireSize(port, src, "br");
    const gz = await wireSize(port, src, "gzip");
    weight.brotliBytes += br;
    weight.gzipBytes += gz;
    const plain = await (await fetch(`${base}${src}`, { headers: { "accept-encoding": "identity" } })).text();
    if (APP_MARKERS.some((marker) => plain.includes(marker))) weight.appBrotliBytes += br;
  }
  return weight;
}

export const jsWeightStep: AppStep = {
  name: "JavaScript weight",
  async run(app, run) {
    run.jsWeight = await measureJsWeight(app.port);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const w = run.jsWeight;
    log(`campaign page JavaScript: ${w.scripts} scripts, ${kb(w.brotliBytes)} brotli (${kb(w.gzipBytes)} gzip); the app's own ${kb(w.appBrotliBytes)}`);
  },
};
