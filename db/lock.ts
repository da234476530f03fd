// Only one process may open an embedded (PGlite) data directory: two writers on one
// folder silently lose rows. The lock is a file naming its owner: the pid and, where
// /proc exists, the process's start time, because a pid is reused — after a crash and
// a reboot the old pid can belong to any program, and that must not block start-up.
import fs from "node:fs";
import path from "node:path";

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already open in process ${pid} (probably \`npm start\`).\n` +
        `Only one process may use an embedded database. Stop that process first, or run the app and ` +
        `its commands against a PostgreSQL server by setting DATABASE_URL. If no such process is running, ` +
        `delete ${path.join(dataDir, "cut-ties.lock")}.`,
    );
    this.name = "DataDirInUseError";
  }
}

type Owner = { pid: number; started?: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** When the kernel started the process (field 22 of /proc/<pid>/stat); undefined without /proc. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** False only when /proc says the process runs something other than Node. */
function mayBeNode(pid: number): boolean {
  try {
    return path.basename(fs.readlinkSync(`/proc/${pid}/exe`)).startsWith("node");
  } catch {
    return true;
  }
}

function readOwner(lockPath: string): Owner | undefined {
  const text = fs.readFileSync(lockPath, "utf8").trim();
  try {
    const parsed = JSON.parse(text) as Partial<Owner> | number;
    // Earlier versions wrote the bare pid.
    const owner = typeof parsed === "number" ? { pid: parsed } : parsed;
    if (!Number.isInteger(owner.pid) || owner.pid! <= 0) return undefined;
    return { pid: owner.pid!, started: typeof owner.started === "string" ? owner.started : undefined };
  } catch {
    return undefined;
  }
}

/** Whether the process the lock names still runs: same pid and, where known, same start time. */
function holdsLock(owner: Owner): boolean {
  if (!isAlive(owner.pid)) return false;
  const started = processStartTime(owner.pid);
  if (started === undefined) return true; // no /proc (macOS): the pid is all there is
  if (owner.started !== undefined) return owner.started === started;
  return mayBeNode(owner.pid); // a lock without a start time, from an earlier version
}

/** Takes the data directory's lock or throws DataDirInUseError; returns the release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "cut-ties.lock");
  const started = processStartTime(process.pid);
  const me = JSON.stringify({ pid: process.pid, started } satisfies Owner);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Written aside and linked into place, so no other process ever reads it half-written.
      const draft = `${lockPath}.${process.pid}`;
      fs.writeFileSync(draft, me);
      try {
        fs.linkSync(draft, lockPath);
      } finally {
        fs.unlinkSync(draft);
      }
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === me) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockPath);
      if (owner?.pid === process.pid && owner.started === started) return () => {}; // opened twice here
      if (owner && owner.pid !== process.pid && holdsLock(owner)) throw new DataDirInUseError(dataDir, owner.pid);
      // Left by a process that is gone, whose pid may now be another program's (or ours): take it over.
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
