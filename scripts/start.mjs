#!/usr/bin/env node
// `npm start`: build when there is no build or the sources changed since the last
// one, then run the app's server (server/index.mjs: Next.js behind a Node HTTP server
// that knows the client's socket; PORT respected). Migrations and the first-start
// seed run inside the server as it starts.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { isBuildFresh, root } from "./build-freshness.mjs";
import { SERVER_ENTRY, SERVER_NODE_FLAGS } from "./server-flags.mjs";
import { SettingsError, readSettings } from "../server/settings.mjs";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

// Settings that cannot work are refused before a minute of building, not after.
try {
  readSettings(process.env, process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(`\n[cut-ties] cannot start.\n${error.message}\n`);
  process.exit(2);
}

if (!isBuildFresh(process.env.NEXT_DIST_DIR || ".next")) {
  console.log("[cut-ties] building the app (once after each change; about a minute)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// node runs the server directly (no npx in between), so a stop signal reaches it.
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_ENTRY, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
