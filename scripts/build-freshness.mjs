// Whether a Next.js build folder is newer than every source it was built from, so
// `npm start`, `npm test` and the bench rebuild only after a change.
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

/** What the app's build is made from, relative to the repository. */
export const APP_SOURCES = [
  "app", "components", "lib", "db", "emails", "public", "server", "proxy.ts", "instrumentation.ts", "next.config.ts",
  "package-lock.json", "tsconfig.json", "postcss.config.mjs",
];

function newestMtime(full) {
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) {
    if (child === "node_modules" || child.startsWith(".next")) continue;
    newest = Math.max(newest, newestMtime(path.join(full, child)));
  }
  return newest;
}

/** True when `distDir` (under `dir`) holds a build newer than every one of `sources`. */
export function isBuildFresh(distDir, { dir = root, sources = APP_SOURCES } = {}) {
  const buildId = path.join(dir, distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  return Math.max(...sources.map((entry) => newestMtime(path.join(dir, entry)))) < fs.statSync(buildId).mtimeMs;
}
