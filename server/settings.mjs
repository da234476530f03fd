// What the server needs to know before Next.js starts, read from the environment
// with the same rules lib/env.ts applies to the app (they share trust-proxy.mjs and
// mail-mode.mjs). A setting that cannot work stops the start with a message.
import { ClusterSizeError, clusterSize } from "./cluster-size.mjs";
import { MAIL_NOT_CONFIGURED, resolveMailMode } from "./mail-mode.mjs";
import { pageConcurrency } from "./page-gate.mjs";
import { TrustProxyError, parseTrustProxy } from "./trust-proxy.mjs";

export class SettingsError extends Error {}

/** `-p 4000` / `--port 4000` / `--port=4000`, as `next start` took them. */
function portArgument(argv) {
  for (let i = 0; i < argv.length; i++) {
    const m = /^--port=(.+)$/.exec(argv[i]);
    if (m) return m[1];
    if (argv[i] === "-p" || argv[i] === "--port") return argv[i + 1];
  }
  return undefined;
}

export function readSettings(environment = process.env, argv = []) {
  const get = (name) => environment[name] || undefined; // empty counts as unset, as in lib/env.ts
  const rawPort = portArgument(argv) ?? get("PORT") ?? "3000";
  if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535) throw new SettingsError(`PORT=${rawPort}: a port number (0 picks a free one)`);
  const port = Number(rawPort);

  let trust;
  try {
    trust = parseTrustProxy(get("TRUST_PROXY"));
  } catch (error) {
    if (error instanceof TrustProxyError) throw new SettingsError(error.message);
    throw error;
  }

  const mailMode = resolveMailMode({
    RESEND_API_KEY: get("RESEND_API_KEY"),
    DATABASE_URL: get("DATABASE_URL"),
    MAIL_CAPTURE: get("MAIL_CAPTURE"),
  });
  if (mailMode === "unconfigured") throw new SettingsError(MAIL_NOT_CONFIGURED);

  let processes;
  try {
    processes = clusterSize(environment, argv.includes("--dev"));
  } catch (error) {
    if (error instanceof ClusterSizeError) throw new SettingsError(error.message);
    throw error;
  }

  let pages;
  try {
    pages = pageConcurrency(environment);
  } catch (error) {
    throw new SettingsError(error.message);
  }

  return { port, trust, mailMode, appUrl: get("APP_URL"), processes, pageConcurrency: pages };
}

/** APP_URL's host[:port], the Origin a form of this app is posted from; localhost:<port> without it. */
export function appHost(appUrl, port) {
  if (!appUrl) return `localhost:${port}`;
  try {
    return new URL(appUrl).host;
  } catch {
    throw new SettingsError(`APP_URL=${appUrl}: not a URL`);
  }
}
