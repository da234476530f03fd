// Whether a Next.js build folder is newer than every source it was built from, so
// `npm start` and `npm test` rebuild only after a change.
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

const SOURCES = ["app", "components", "lib", "db", "emails", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function isBuildFresh(distDir) {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  return Math.max(...SOURCES.map(newestMtime)) < fs.statSync(buildId).mtimeMs;
}
