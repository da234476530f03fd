// Step: the campaign page and signing at once (two autocannon instances): one Node
// process answers both.
import { outboxStatus } from "../app";
import type { AppStep } from "../context";
import { load, measured } from "../load";
import { MIXED_SIGN_CONNECTIONS, PAGE_CONNECTIONS, PAGE_PATH, SECONDS, SIGN_PATH, log, sleep } from "../settings";

export const PAGE_MIXED_STEP = "campaign page (while signing)";
export const SIGN_MIXED_STEP = "sign (while page loads)";

export const pageWhileSigningStep: AppStep = {
  name: "page while signing",
  async run(app, run) {
    await sleep(1000);
    log(`campaign page (c=${PAGE_CONNECTIONS}) while signing (c=${MIXED_SIGN_CONNECTIONS})…`);
    const common = { target: "app" as const, port: app.port, seconds: SECONDS };
    const [page, sign] = await measured(app.serverPgids, () =>
      Promise.all([
        load({ ...common, name: PAGE_MIXED_STEP, path: PAGE_PATH, connections: PAGE_CONNECTIONS }),
        load({ ...common, name: SIGN_MIXED_STEP, path: SIGN_PATH, connections: MIXED_SIGN_CONNECTIONS, tracker: app.signTracker }),
      ]));
    run.record(page);
    sign.outboxAfter = await outboxStatus(app.db);
    run.record(sign);
  },
};
