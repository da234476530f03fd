// Starts what every default project runs against: the Resend stand-in and ONE
// app server (server/index.mjs, port 3210) on a fresh embedded database in a temp folder. Tests find
// them through E2E_BASE_URL and E2E_MAIL_URL (workers inherit this process's env).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setE2eState, stopE2e, type E2eState } from "./global-state";
import { APP_PORT, STANDIN_PORT, startApp, startStandin } from "./servers";

export default async function globalSetup(): Promise<void> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-e2e-"));
  const state: E2eState = { tempDir, servers: [] };
  setE2eState(state);
  process.env.E2E_TEMP_DIR = tempDir;
  try {
    const started = Date.now();
    const standin = await startStandin(STANDIN_PORT, path.join(tempDir, "standin.log"));
    state.servers.push(standin);
    process.env.E2E_MAIL_URL = standin.url;
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    // scripts/test.mjs --db-only runs the scale-out project alone, which starts its own apps.
    if (process.env.E2E_SKIP_APP === "1") {
      console.log(`[e2e] mail stand-in ${standin.url}; no app on ${APP_PORT} (E2E_SKIP_APP=1); ready in ${seconds()} s`);
      return;
    }
    const app = await startApp({
      port: APP_PORT,
      dataDir: path.join(tempDir, "data"),
      mailUrl: standin.url,
      logFile: path.join(tempDir, "app.log"),
    });
    state.servers.push(app);
    process.env.E2E_BASE_URL = app.url;
    process.env.E2E_APP_LOG = app.logFile;
    console.log(`[e2e] app ${app.url} (pid ${app.pid}), mail stand-in ${standin.url}; ready in ${seconds()} s; logs in ${tempDir}`);
  } catch (error) {
    // Playwright skips the teardown when the setup throws: stop what did start.
    await stopE2e();
    throw error;
  }
}
