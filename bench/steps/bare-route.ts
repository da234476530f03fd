// Step: the bare one-INSERT Next.js route (bench/bare-app), alone on the machine, at
// each concurrency: the ceiling for any Next.js route that writes.
import type postgres from "postgres";
import type { Run } from "../context";
import { SignatureTracker, load, measured } from "../load";
import { Server, requireFreePort } from "../servers";
import {
  BARE_APP, BARE_DB, BARE_LOG, BARE_PATH, BARE_PORT, CONCURRENCY, SECONDS, WARMUP_SECONDS,
  databaseUrl, log, relative, sleep,
} from "../settings";

export async function bareRouteStep(run: Run, bareDb: postgres.Sql): Promise<void> {
  const tracker = new SignatureTracker("bare");
  await requireFreePort(BARE_PORT);
  log(`starting the bare route on :${BARE_PORT} (log: ${relative(BARE_LOG)})`);
  const bare = new Server("bare route", BARE_PORT, {
    cwd: BARE_APP,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl(BARE_DB), NEXT_TELEMETRY_DISABLED: "1" },
    logFile: BARE_LOG,
  });
  const ms = await bare.waitUntilAnswering(BARE_PATH);
  log(`bare route answering after ${(ms / 1000).toFixed(1)} s; warming up ${WARMUP_SECONDS} s`);
  await load({ name: "warm-up", target: "bare", port: BARE_PORT, path: BARE_PATH, connections: 10, seconds: WARMUP_SECONDS, tracker });
  for (const connections of CONCURRENCY) {
    await sleep(1000);
    run.record(await measured(bare.pid, () =>
      load({ name: "bare insert", target: "bare", port: BARE_PORT, path: BARE_PATH, connections, seconds: SECONDS, tracker })));
  }
  await bare.stop();
  await sleep(1000);
  const [{ n: rows }] = await bareDb<{ n: number }[]>`select count(*)::int as n from bare_inserts`;
  run.bare = { rows, accepted202: tracker.count(202), unanswered: tracker.count(0) };
}
