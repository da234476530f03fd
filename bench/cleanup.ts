// Whatever happens (success, failure, Ctrl-C), the bench's servers stop and its
// databases are dropped. Everything that must go is registered here.
import { spawnSync } from "node:child_process";
import type postgres from "postgres";
import { DATABASE_URL } from "./settings";

type Stoppable = { stop(): Promise<void>; killNow(): void };

export const servers = new Set<Stoppable>();
export const cannons = new Set<{ stop(): void }>();
export const createdDatabases = new Set<string>();
let admin: postgres.Sql | undefined;
let cleaningUp: Promise<void> | undefined;

/** The connection that creates and drops the bench databases. */
export function setAdmin(sql: postgres.Sql): void {
  admin = sql;
}

export function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const cannon of cannons) cannon.stop();
    await Promise.all([...servers].map((s) => s.stop()));
    for (const name of createdDatabases) {
      try {
        await admin!.unsafe(`drop database if exists "${name}" with (force)`);
        createdDatabases.delete(name);
      } catch (error) {
        console.error(`bench: could not drop database ${name}: ${(error as Error).message}`);
      }
    }
    await admin?.end({ timeout: 5 }).catch(() => {});
  })();
  return cleaningUp;
}

export function cleanUpOnExit(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping servers and dropping the bench databases…`);
      cleanup().finally(() => process.exit(130));
    });
  }
  // Last resort if the process leaves without the async cleanup: kill and drop synchronously.
  process.on("exit", () => {
    for (const server of servers) server.killNow();
    for (const name of createdDatabases) {
      const url = new URL(DATABASE_URL);
      spawnSync("psql", [DATABASE_URL, "-c", `drop database if exists "${name}" with (force)`], {
        stdio: "ignore",
        env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
        input: "",
      });
    }
  });
}
