// End-to-end tests: Debian's Chromium against the app's server (server/index.mjs) on the e2e build
// (NEXT_DIST_DIR=.next-e2e). The global setup starts the app and the Resend stand-in;
// see e2e/global-setup.ts. `npm test` builds first; to run by hand:
//   NEXT_DIST_DIR=.next-e2e npx next build && npx playwright test
// The "scale-out" project (two instances on PostgreSQL) exists only when DATABASE_URL
// is set: `npx playwright test --project=scale-out`.
import { defineConfig, type ReporterDescription } from "@playwright/test";
import { APP_PORT } from "./e2e/servers";

const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

const reporter: ReporterDescription[] = [["list"]];
// scripts/test.mjs reads the totals from here.
if (process.env.E2E_JSON_REPORT) reporter.push(["json", { outputFile: process.env.E2E_JSON_REPORT }]);

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  // Two cores, and the app serves PGlite queries one at a time.
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  // A flaky test should be seen and fixed, not retried into green.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    ...chromium,
    baseURL: `http://localhost:${APP_PORT}`,
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    // DOM snapshots and network for failures; no screencast frames (CPU on 2 cores).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    { name: "chromium", testIgnore: /scale-out\.spec\.ts$/ },
    ...(process.env.DATABASE_URL
      ? [{ name: "scale-out", testMatch: /scale-out\.spec\.ts$/, timeout: 180_000 }]
      : []),
  ],
});
