// The primary of `npm start`'s cluster: it forks the app servers, restarts one that
// dies, relays cache invalidations between them, and stops them all on a signal.
// It loads no app code itself. The app servers share one secret for the page cache's
// render requests, which the kernel may hand to any of them.
import cluster from "node:cluster";
import crypto from "node:crypto";

const RESTART_DELAY_MS = 1000;
const STOP_TIMEOUT_MS = 15_000;

export function runPrimary(size) {
  const fillSecret = crypto.randomBytes(24).toString("base64url");
  let stopping = false;
  const fork = () => cluster.fork({ CUT_TIES_FILL_SECRET: fillSecret });

  console.log(`[cut-ties] starting ${size} app processes (WEB_CONCURRENCY; one per core by default)`);
  for (let i = 0; i < size; i++) fork();

  cluster.on("message", (from, message) => {
    // A change one process made (a confirmation, an edit): the others forget their copies too.
    if (message?.cutTies !== "invalidate") return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(message);
    }
  });

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // Settings that cannot work (exit 2) fail the same way every time: stop, do not loop.
    if (code === 2) {
      console.error("[cut-ties] an app process refused to start (see above); stopping");
      void stop("SIGTERM", 2);
      return;
    }
    console.error(`[cut-ties] app process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(() => !stopping && fork(), RESTART_DELAY_MS);
  });

  async function stop(signal, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter(Boolean);
    const exited = Promise.all(workers.map((w) => new Promise((resolve) => (w.isDead() ? resolve() : w.once("exit", resolve)))));
    // Each app server finishes its requests in progress, then stops (server/app-server.mjs).
    for (const w of workers) w.process.kill(signal);
    const timer = setTimeout(() => {
      for (const w of workers) if (!w.isDead()) w.process.kill("SIGKILL");
    }, STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    process.exit(exitCode);
  }
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
