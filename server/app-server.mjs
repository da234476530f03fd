// One app server (server/index.mjs runs one, or a cluster of them on PostgreSQL): Next.js through
// its custom-server API on a plain Node HTTP server, so the server sees the socket
// and can, before Next.js reads a request,
//   - work out the client's address (TRUST_PROXY) and pass it on in headers only it sets,
//   - refuse what Next.js would answer with a 500 or read in full: undecodable paths,
//     bodies over 1 MB, posts from other sites (guards.mjs, refusals.mjs).
// instrumentation.ts (migrations, seed, workers) and proxy.ts run as under `next start`.
// `--dev` (npm run dev) runs Next.js in development mode behind the same server.
import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import { setClientHeaders } from "./client-address.mjs";
import { refusalFor } from "./guards.mjs";
import { isPageLoad, pageGate } from "./page-gate.mjs";
import { refuse } from "./refusals.mjs";
import { SettingsError, appHost, readSettings } from "./settings.mjs";
import { staticBrotli } from "./static-brotli.mjs";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ||= dev ? "development" : "production";
const root = path.resolve(import.meta.dirname, "..");
const DRAIN_MS = 5000; // in-flight requests get this long after a stop signal

let settings;
let host;
try {
  settings = readSettings(process.env, process.argv.slice(2));
  host = appHost(settings.appUrl, settings.port);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(`\n[cut-ties] cannot start.\n${error.message}\n`);
  process.exit(2);
}

// lib/server-start.ts leaves stop signals to this server and registers its clean-up here.
const holder = globalThis;
holder.__cutTiesCustomServer = true;

// In a cluster: the shared secret of the page cache's render requests (any process may
// answer them), and cache invalidations passed to and from the other processes
// (lib/short-cache.ts calls __cutTiesShareInvalidation; the primary relays).
if (cluster.isWorker) {
  if (process.env.CUT_TIES_FILL_SECRET) holder.__cutTiesPageFillSecret = process.env.CUT_TIES_FILL_SECRET;
  delete process.env.CUT_TIES_FILL_SECRET;
  holder.__cutTiesShareInvalidation = (name, prefix) => {
    if (process.connected) process.send({ cutTies: "invalidate", name, prefix });
  };
  process.on("message", (message) => {
    if (message?.cutTies !== "invalidate") return;
    const entries = holder[`__cutTies_lru_${message.name}`];
    if (!entries) return;
    for (const key of [...entries.keys()]) if (key.startsWith(message.prefix)) entries.delete(key);
  });
}

const server = http.createServer();
let handle;
function startNext(port) {
  return import("next").then(async ({ default: next }) => {
    const app = next({ dev, dir: root, port, httpServer: server });
    await app.prepare();
    handle = app.getRequestHandler();
    holder.__cutTiesNextApp = app;
  });
}

const listening = new Promise((resolve) => {
  server.once("listening", () => {
    const { port } = server.address();
    // The page cache renders pages through this port (lib/page-cache.ts).
    holder.__cutTiesListenPort = port;
    resolve(port);
  });
});

let ready;
if (cluster.isWorker) {
  // In a cluster a process takes connections only once it can answer them: while one
  // starts (or replaces one that died) the others carry the load.
  ready = startNext(settings.port).then(() => {
    server.listen(settings.port);
    return listening;
  });
} else {
  // Alone, it listens at once: requests during the start wait for it instead of failing.
  ready = listening.then((port) => {
    console.log(`[cut-ties] listening on http://localhost:${port}; starting the app…`);
    return startNext(port);
  });
  // Every interface, as `next start` does.
  server.listen(settings.port);
}
ready.then(
  () => console.log(`[cut-ties] ready on http://localhost:${holder.__cutTiesListenPort}`),
  (error) => {
    console.error("[cut-ties] the app failed to start:", error);
    process.exit(1);
  },
);

const serveBrotli = dev ? async () => false : staticBrotli(root);
const pages = pageGate(settings.pageConcurrency);

async function onRequest(req, res, expectsContinue = false) {
  setClientHeaders(req, settings.trust);
  const refusal = refusalFor(req, host);
  if (refusal) return refuse(req, res, refusal);
  // "Expect: 100-continue": the client waits for this before sending its body, so a
  // refused body above was never sent at all.
  if (expectsContinue) res.writeContinue();
  try {
    await ready;
    if (await serveBrotli(req, res)) return;
    // Page loads take turns (page-gate.mjs), so a flood of them cannot starve signing.
    if (isPageLoad(req) && !(await pages.admit(res))) return;
    await handle(req, res);
  } catch (error) {
    console.error(`[cut-ties] ${req.method} request failed: ${error?.name ?? "Error"}`);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end();
  }
}
server.on("request", (req, res) => void onRequest(req, res));
server.on("checkContinue", (req, res) => void onRequest(req, res, true));
server.on("error", (error) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `\n[cut-ties] port ${settings.port} is in use: stop what holds it, or set PORT.\n`
      : `[cut-ties] server error: ${error.message}`,
  );
  process.exit(1);
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[cut-ties] ${signal}: finishing requests in progress, then stopping`);
  const drained = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await drained;
  clearTimeout(timer);
  try {
    await holder.__cutTiesStopApp?.(); // background jobs and the database (lib/server-start.ts)
    await holder.__cutTiesNextApp?.close();
  } catch (error) {
    console.error(`[cut-ties] while stopping: ${error?.message ?? error}`);
  } finally {
    process.exit(0);
  }
}
process.once("SIGTERM", () => void stop("SIGTERM"));
process.once("SIGINT", () => void stop("SIGINT"));
