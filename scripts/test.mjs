#!/usr/bin/env node
// `npm test`: every test the project has, in order, stopping at the first failing stage
// with its exit code. Plain Node, no dependencies.
//   1. scripts/ensure-chromium.mjs      Debian's Chromium for Playwright; then `npm run lint`
//                                       (eslint, then dependency-cruiser: no import cycles)
//   2. vitest run                       unit + db projects (db on PGlite, or DATABASE_URL)
//   3. NEXT_DIST_DIR=.next-e2e next build
//   4. playwright test                  the journeys against the app's server; plus the
//                                       "scale-out" project when DATABASE_URL is set
// Flags:
//   --e2e-only   skip vitest (stages 1, 3, 4)
//   --db-only    the vitest db project only; with DATABASE_URL also the scale-out
//                project (it builds only if the e2e build is missing or stale)
// The last line is always "N passed, N failed", summed over vitest and Playwright.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isBuildFresh } from "./build-freshness.mjs";

const root = path.resolve(import.meta.dirname, "..");
const DIST_DIR = ".next-e2e";
const args = process.argv.slice(2);
const known = new Set(["--e2e-only", "--db-only"]);
for (const arg of args) {
  if (!known.has(arg)) {
    console.error(`Unknown flag ${arg}. Use --e2e-only or --db-only (or nothing for everything).`);
    process.exit(2);
  }
}
const e2eOnly = args.includes("--e2e-only");
const dbOnly = args.includes("--db-only");
if (e2eOnly && dbOnly) {
  console.error("--e2e-only and --db-only exclude each other.");
  process.exit(2);
}
const hasDatabaseUrl = Boolean(process.env.DATABASE_URL);

const reports = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];

function finish(code) {
  fs.rmSync(reports, { recursive: true, force: true });
  console.log("");
  for (const note of notes) console.log(note);
  if (totals.skipped) console.log(`(${totals.skipped} skipped, not counted as passed)`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

function stage(name, command, commandArgs, env = {}) {
  console.log(`\n[test] ${name}: ${command} ${commandArgs.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const code = result.error ? 1 : (result.status ?? 1);
  if (result.error) console.error(`[test] ${name} could not start: ${result.error.message}`);
  console.log(`[test] ${name}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${seconds} s`);
  return code;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function stopIfFailed(name, code) {
  if (code === 0) return;
  notes.push(`[test] stopped: ${name} failed (exit ${code}).`);
  finish(code);
}

function vitest(projects) {
  const report = path.join(reports, "vitest.json");
  const code = stage(
    `vitest (${projects.join(", ")})`,
    "npx",
    ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
  );
  const json = readJson(report);
  if (json) {
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += json.numFailedTests ?? 0;
    totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  } else if (code !== 0) {
    notes.push("[test] vitest wrote no report (it failed before running tests).");
  }
  stopIfFailed("vitest", code);
}

function buildIsFresh() {
  return isBuildFresh(DIST_DIR);
}

function build() {
  stopIfFailed("next build", stage(`next build (${DIST_DIR})`, "npx", ["next", "build"], { NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" }));
}

function playwright(projects) {
  const report = path.join(reports, "playwright.json");
  // The scale-out project starts its own two apps: the shared one on 3210 would idle.
  const skipApp = projects.every((p) => p === "scale-out") ? { E2E_SKIP_APP: "1" } : {};
  const code = stage(
    `playwright (${projects.join(", ")})`,
    "npx",
    ["playwright", "test", ...projects.map((p) => `--project=${p}`)],
    { E2E_JSON_REPORT: report, ...skipApp },
  );
  const stats = readJson(report)?.stats;
  if (stats) {
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
    if (stats.flaky) notes.push(`[test] ${stats.flaky} Playwright test(s) passed only on retry (flaky).`);
  } else if (code !== 0) {
    notes.push("[test] Playwright wrote no report (it failed before running tests, e.g. in the global setup).");
  }
  stopIfFailed("playwright", code);
}

const SCALE_OUT_SKIPPED =
  "[test] scale-out project NOT RUN: DATABASE_URL is not set (it needs a PostgreSQL server; CI runs it with --db-only).";

if (dbOnly) {
  vitest(["db"]);
  if (!hasDatabaseUrl) {
    notes.push(SCALE_OUT_SKIPPED);
    finish(0);
  }
  stopIfFailed("ensure-chromium", stage("ensure-chromium", process.execPath, ["scripts/ensure-chromium.mjs"]));
  if (buildIsFresh()) console.log(`\n[test] ${DIST_DIR} is newer than the sources: not rebuilding.`);
  else build();
  playwright(["scale-out"]);
  notes.push("[test] scale-out project ran on DATABASE_URL.");
  finish(0);
}

stopIfFailed("ensure-chromium", stage("ensure-chromium", process.execPath, ["scripts/ensure-chromium.mjs"]));
// The same command as `npm run lint`, so the two cannot drift apart.
if (!e2eOnly) stopIfFailed("lint", stage("lint (eslint, then dependency-cruiser for import cycles)", "npm", ["run", "--silent", "lint"]));
if (!e2eOnly) vitest(["unit", "db"]);
build();
playwright(hasDatabaseUrl ? ["chromium", "scale-out"] : ["chromium"]);
notes.push(hasDatabaseUrl ? "[test] scale-out project ran on DATABASE_URL." : SCALE_OUT_SKIPPED);
finish(0);
