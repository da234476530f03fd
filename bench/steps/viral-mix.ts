// Step: a viral moment as issue 10 describes it. The campaign page opened through share
// links (a new ?ref= code or ?fbclid= on every request) at 50 connections while signing
// runs at 10; targets: the page ≥ 800 req/s with p99 < 200 ms while ≥ 200 signatures/s
// are accepted with p99 < 250 ms (and every 202 stored: checked at the end of the run).
import type { AppStep } from "../context";
import { load, measured } from "../load";
import { PAGE_CONNECTIONS, PAGE_PATH, SECONDS, SIGN_PATH, log, numberSetting, sleep } from "../settings";

export const VIRAL_PAGE_STEP = "viral mix: page via share links";
export const VIRAL_SIGN_STEP = "viral mix: signing";
export const VIRAL_TARGETS = { pagePerSec: 800, pageP99Ms: 200, signPerSec: 200, signP99Ms: 250 };
const SIGN_CONNECTIONS = numberSetting("BENCH_VIRAL_SIGN_CONNECTIONS", 10);

// Half share links, half links a social network decorated; no two requests share a URL.
const shareOrClick = (n: number) => (n % 2 ? `?ref=viral${n.toString(36).padStart(4, "0")}` : `?fbclid=IwAR${n.toString(36)}viral`);

export const viralMixStep: AppStep = {
  name: "viral mix",
  async run(app, run) {
    await sleep(1000);
    log(`viral mix: page through share links (c=${PAGE_CONNECTIONS}) while signing (c=${SIGN_CONNECTIONS})…`);
    const common = { target: "app" as const, port: app.port, seconds: SECONDS };
    const [page, sign] = await measured(app.serverPgids, () =>
      Promise.all([
        load({ ...common, name: VIRAL_PAGE_STEP, path: PAGE_PATH, connections: PAGE_CONNECTIONS, query: shareOrClick }),
        load({ ...common, name: VIRAL_SIGN_STEP, path: SIGN_PATH, connections: SIGN_CONNECTIONS, tracker: app.signTracker }),
      ]));
    run.record(page);
    run.record(sign);
  },
};
