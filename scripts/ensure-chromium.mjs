#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium (/usr/bin/chromium): Playwright's own
// browser download is not reachable here. Installs it when missing and we are root;
// otherwise says exactly what to run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
const INSTALL = "apt-get update && apt-get install -y chromium";

if (fs.existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (!isRoot) {
  console.error(`[ensure-chromium] ${CHROMIUM} is missing. Install Debian's Chromium as root:\n\n  sudo sh -c '${INSTALL}'\n`);
  process.exit(1);
}

console.log(`[ensure-chromium] ${CHROMIUM} is missing: installing Debian's chromium (about a minute)…`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
for (const args of [["update"], ["install", "-y", "chromium"]]) {
  const run = spawnSync("apt-get", args, { stdio: "inherit", env });
  if (run.error || run.status !== 0) {
    console.error(`[ensure-chromium] apt-get ${args.join(" ")} failed (${run.error?.message ?? `exit ${run.status}`}).`);
    process.exit(run.status || 1);
  }
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`[ensure-chromium] apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
console.log(`[ensure-chromium] installed ${CHROMIUM}.`);
