// Step: the campaign page as people open it, while no email backlog competes for the
// CPU: the plain address, then share links (a new `?ref=` code on every request, as a
// viral moment brings them) and links a social network decorated (a new `?fbclid=`
// on every request), one after the other in the same run so the report can compare them.
import type { AppStep } from "../context";
import { load, measured } from "../load";
import { PAGE_CONNECTIONS, PAGE_PATH, SECONDS, sleep } from "../settings";

export const PAGE_STEP = "campaign page (alone)";
export const SHARE_LINK_STEP = "page, ?ref= share links";
export const TRACKING_LINK_STEP = "page, ?fbclid= links";

// Distinct per request (a code has 4-16 letters or digits): no two requests share a URL.
const refCode = (n: number) => `?ref=bench${n.toString(36).padStart(4, "0")}`;
const fbclid = (n: number) => `?fbclid=IwAR${n.toString(36)}bench&utm_source=facebook`;

export const pageSteps: AppStep = {
  name: "campaign page: plain, share links, tracking links",
  async run(app, run) {
    const response = await fetch(`http://127.0.0.1:${app.port}${PAGE_PATH}`, { headers: { "accept-language": "en" } });
    if (!response.ok) throw new Error(`GET ${PAGE_PATH} answered ${response.status}`);
    const base = { target: "app" as const, port: app.port, path: PAGE_PATH, connections: PAGE_CONNECTIONS, seconds: SECONDS };
    await load({ ...base, name: "warm-up", connections: 10, seconds: Math.min(3, SECONDS) });
    for (const [name, query] of [[PAGE_STEP], [SHARE_LINK_STEP, refCode], [TRACKING_LINK_STEP, fbclid]] as const) {
      await sleep(1000);
      run.record(await measured(app.serverPgids, () => load({ ...base, name, query })));
    }
  },
};
