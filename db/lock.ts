// Only one process may open an embedded (PGlite) data directory: two writers on one
// folder silently lose rows. The lock is a file holding the owner's pid.
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the data directory's lock or throws DataDirInUseError; returns the release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "cut-ties.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DataDirInUseError(dataDir, owner);
      }
      fs.unlinkSync(lockPath); // left by a process that died: take it over
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
