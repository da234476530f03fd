// The page gate: page loads take turns, so a flood of them cannot starve signing.
import { EventEmitter } from "node:events";
import http, { type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PAGE_CONCURRENCY, isPageLoad, pageConcurrency, pageGate } from "./page-gate.mjs";
import { pageFillSecret } from "./page-fill.mjs";

const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers });

describe("which requests wait their turn", () => {
  it("is page loads only: not the API, the build's files, posts or the page cache's renders", () => {
    expect(isPageLoad(req("GET", "/campaigns/x?ref=abc"))).toBe(true);
    expect(isPageLoad(req("HEAD", "/es"))).toBe(true);
    expect(isPageLoad(req("POST", "/campaigns/x"))).toBe(false);
    expect(isPageLoad(req("POST", "/api/v1/campaigns/x/signatures"))).toBe(false);
    expect(isPageLoad(req("GET", "/api/v1/campaigns"))).toBe(false);
    expect(isPageLoad(req("GET", "/_next/static/chunks/app.js"))).toBe(false);
    expect(isPageLoad(req("GET", "/campaigns/x", { "x-cut-ties-page-fill": pageFillSecret() }))).toBe(false);
    // A forged render request waits its turn like any page load.
    expect(isPageLoad(req("GET", "/campaigns/x", { "x-cut-ties-page-fill": "guessed" }))).toBe(true);
    expect(isPageLoad(req("GET", "/campaigns/x", { "x-cut-ties-page-fill": "" }))).toBe(true);
  });

  it("reads PAGE_CONCURRENCY: a default, 0 for no pacing, and a clear refusal of anything else", () => {
    expect(pageConcurrency({})).toBe(DEFAULT_PAGE_CONCURRENCY);
    expect(pageConcurrency({ PAGE_CONCURRENCY: "" })).toBe(DEFAULT_PAGE_CONCURRENCY);
    expect(pageConcurrency({ PAGE_CONCURRENCY: "0" })).toBe(0);
    expect(pageConcurrency({ PAGE_CONCURRENCY: "8" })).toBe(8);
    expect(() => pageConcurrency({ PAGE_CONCURRENCY: "-1" })).toThrow(/PAGE_CONCURRENCY=-1/);
    expect(() => pageConcurrency({ PAGE_CONCURRENCY: "many" })).toThrow(/whole number/);
  });
});

// A server whose pages each take 3 ms of CPU and whose "signature" takes three trips
// through the event loop (as a body, a database reply and the answer do).
let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function pagesServedBeforeTheSignature(perTurn: number, pages: number): Promise<number> {
  const gate = pageGate(perTurn);
  let served = 0;
  server = http.createServer(async (request, response) => {
    if (request.method === "GET") {
      if (!(await gate.admit(response))) return;
      const until = performance.now() + 3;
      while (performance.now() < until); // rendering
      served++;
      response.end("page");
      return;
    }
    for (let trip = 0; trip < 3; trip++) await new Promise((resolve) => setTimeout(resolve, 0));
    response.end(String(served));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // Connections are open before the flood, as a browser's and a load generator's are.
  const pageAgent = new http.Agent({ keepAlive: true, maxSockets: pages });
  const signAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method: string, agent: http.Agent) =>
    new Promise<string>((resolve, reject) => {
      const r = http.request({ host: "127.0.0.1", port, method, path: "/", agent }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(body));
      });
      r.on("error", reject);
      r.end();
    });
  await Promise.all([send("POST", signAgent), ...Array.from({ length: pages }, () => send("GET", pageAgent))]);
  served = 0;
  // The pages arrive first, then the signature.
  const loads = Array.from({ length: pages }, () => send("GET", pageAgent));
  await new Promise((resolve) => setTimeout(resolve, 20));
  const signature = await send("POST", signAgent);
  await Promise.all(loads);
  pageAgent.destroy();
  signAgent.destroy();
  return Number(signature);
}

describe("a signature among page loads", () => {
  it("is answered after a few of them, not after all of them", async () => {
    const waited = await pagesServedBeforeTheSignature(4, 100);
    expect(waited).toBeLessThan(50);
  });

  it("without the gate waits behind every page already there (what the gate is for)", async () => {
    const waited = await pagesServedBeforeTheSignature(0, 100);
    expect(waited).toBeGreaterThanOrEqual(90);
  });

  it("lets in at most its number per turn of the event loop, and skips a visitor who left while waiting", async () => {
    const gate = pageGate(2);
    const answers = Array.from({ length: 5 }, () => Object.assign(new EventEmitter(), { destroyed: false, writableEnded: false }));
    const admitted: boolean[] = [];
    answers.forEach((res, i) => void gate.admit(res as unknown as ServerResponse).then((ok) => (admitted[i] = ok)));
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    expect(admitted).toEqual([]); // not in the turn they arrived in
    await nextTurn();
    expect({ admitted: [...admitted], waiting: gate.waiting }).toEqual({ admitted: [true, true], waiting: 3 });
    answers[2].destroyed = true; // its visitor gave up
    await nextTurn();
    expect({ admitted: [...admitted], waiting: gate.waiting }).toEqual({ admitted: [true, true, false, true, true], waiting: 0 });
  });
});
