// Builds: the app into .next-bench and the bare route into bench/bare-app/.next, each
// only when needed (BENCH_BUILD: auto builds after a change).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isBuildFresh } from "../scripts/build-freshness.mjs";
import { APP_DIST, BARE_APP, BUILD, BUILD_LOG, NEXT_BIN, ROOT, log, relative } from "./settings";

/** Whether to build: always without a build; otherwise as BENCH_BUILD says (auto: after a change). */
function isStale(dir: string, distDir: string, sources?: string[]): boolean {
  if (!fs.existsSync(path.join(dir, distDir, "BUILD_ID"))) return true;
  if (BUILD !== "auto") return BUILD === "always";
  return !isBuildFresh(distDir, { dir, sources });
}

function run(command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; logFile: string }) {
  return new Promise<void>((resolve, reject) => {
    const out = fs.openSync(opts.logFile, "a");
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", out, out] });
    fs.closeSync(out);
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code}); see ${opts.logFile}`)),
    );
  });
}

/** `next build` adds its distDir's type folders to tsconfig.json's include unless they are there. */
function tsconfigNoteAfterBuild(before: string): string | null {
  const after = fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");
  if (after === before) return null;
  // Not undone here: the file may be committed meanwhile, and undoing would fight the commit.
  return "next build changed tsconfig.json (it adds its distDir's type folders to include); commit that once";
}

/** Seconds each build took, or "up to date". */
export async function buildApps(): Promise<Record<string, number | string>> {
  const timings: Record<string, number | string> = {};
  if (isStale(ROOT, APP_DIST)) {
    log(`building the app (NEXT_DIST_DIR=${APP_DIST} next build; log: ${relative(BUILD_LOG)})…`);
    const before = fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");
    const t0 = Date.now();
    try {
      await run(process.execPath, [NEXT_BIN, "build"], {
        cwd: ROOT,
        env: { ...process.env, NEXT_DIST_DIR: APP_DIST, NEXT_TELEMETRY_DISABLED: "1" },
        logFile: BUILD_LOG,
      });
    } finally {
      const note = tsconfigNoteAfterBuild(before);
      if (note) log(note);
    }
    timings.app = (Date.now() - t0) / 1000;
    log(`app built in ${timings.app} s`);
  } else {
    timings.app = "up to date";
    log(`app: existing ${APP_DIST} build used (BENCH_BUILD=${BUILD}; built ${fs.statSync(path.join(ROOT, APP_DIST, "BUILD_ID")).mtime.toISOString()})`);
  }
  if (isStale(BARE_APP, ".next", ["app", "next.config.ts", "tsconfig.json"])) {
    log("building the bare route (bench/bare-app, webpack)…");
    const t0 = Date.now();
    // webpack: Turbopack in 16.4.5 takes the repository (its lockfile) as the root and
    // compiles Cut Ties' own instrumentation.ts and proxy.ts into this app.
    await run(process.execPath, [NEXT_BIN, "build", "--webpack"], {
      cwd: BARE_APP,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      logFile: BUILD_LOG,
    });
    timings.bare = (Date.now() - t0) / 1000;
    log(`bare route built in ${timings.bare} s`);
  } else {
    timings.bare = "up to date";
    log(`bare route: existing build used (BENCH_BUILD=${BUILD})`);
  }
  return timings;
}
