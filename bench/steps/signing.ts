// Step: signing through the API at each concurrency (a new address and client
// address per request), with the email outbox after each.
import { outboxStatus } from "../app";
import type { AppStep } from "../context";
import { load, measured } from "../load";
import { CONCURRENCY, SECONDS, SIGN_PATH, WARMUP_SECONDS, log, sleep } from "../settings";

export const SIGN_STEP = "sign";

export const signingSteps: AppStep = {
  name: "signing",
  async run(app, run) {
    const base = { target: "app" as const, port: app.port, path: SIGN_PATH, tracker: app.signTracker };
    await load({ ...base, name: "warm-up", connections: 10, seconds: WARMUP_SECONDS });
    for (const connections of CONCURRENCY) {
      await sleep(1000);
      const step = await measured(app.serverPgids, () => load({ ...base, name: SIGN_STEP, connections, seconds: SECONDS }));
      step.outboxAfter = await outboxStatus(app.db);
      run.record(step);
      log(`email outbox after this step: ${JSON.stringify(step.outboxAfter)}`);
    }
  },
};
