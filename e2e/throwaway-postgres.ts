// A PostgreSQL server of a test's own: a new cluster in a temporary folder, on a port of
// its own, that the test may stop, restart and delete. The shared server on 5432 is
// never touched (others use it). Needs PostgreSQL's server binaries (initdb, pg_ctl);
// as root, they run as the `postgres` user, since PostgreSQL refuses to run as root.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN_ROOT = "/usr/lib/postgresql";

/** The newest installed PostgreSQL's bin folder; throws, saying what to install, if none. */
export function postgresBinDir(): string {
  const versions = fs.existsSync(BIN_ROOT)
    ? fs
        .readdirSync(BIN_ROOT)
        .filter((v) => fs.existsSync(path.join(BIN_ROOT, v, "bin", "initdb")) && fs.existsSync(path.join(BIN_ROOT, v, "bin", "pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      `No PostgreSQL server binaries (initdb, pg_ctl) in ${BIN_ROOT}/<version>/bin. ` +
        "This test starts a PostgreSQL server of its own: install them (apt-get install postgresql).",
    );
  }
  return path.join(BIN_ROOT, versions[0], "bin");
}

export type ThrowawayPostgres = {
  url: string;
  port: number;
  start(): Promise<void>;
  /** `immediate` stops as a crash would: no checkpoint, recovery from the WAL at the next start. */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server if it runs and deletes its folder. */
  remove(): Promise<void>;
};

function run(command: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: os.tmpdir() });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${code}):\n${output}`)),
    );
  });
}

/** initdb into a new temporary folder; the server is not started yet. */
export async function createThrowawayPostgres(port: number): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-pg-"));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    fs.chownSync(root, uid, gid);
  }
  const data = path.join(root, "data");
  const log = path.join(root, "server.log");
  await run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  // Its socket in its own folder, TCP on localhost only; fsync off only spares the disk
  // (a stop or a crash of the server process loses nothing the OS was given).
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (...args: string[]) => run(path.join(bin, "pg_ctl"), ["-D", data, "-l", log, "-w", "-t", "60", ...args]);
  let running = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      await pgCtl("-o", options, "start");
      running = true;
    },
    async stop(mode = "fast") {
      await pgCtl("-m", mode, "stop");
      running = false;
    },
    async restart() {
      await pgCtl("-m", "fast", "-o", options, "restart");
      running = true;
    },
    async remove() {
      if (running) await pgCtl("-m", "immediate", "stop").catch(() => {});
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("Running as root, but there is no `postgres` user to run PostgreSQL as (apt-get install postgresql creates it).");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}
