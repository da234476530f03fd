// The one database client. PGlite (embedded, in DATA_DIR) by default, postgres.js
// when DATABASE_URL is set; both behind the same drizzle API. Opening it also runs
// the migrations and the first-start seed, once per process.
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { processSingleton } from "@/lib/process-singleton";
import { acquireDataDirLock } from "./lock";
import type { Db, DbOrTx } from "./types";

export type { Db, DbOrTx, Tx } from "./types";

export type Database = {
  db: Db;
  driver: "pglite" | "postgres";
  pglite?: PGlite;
  postgres?: import("postgres").Sql;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  let pglite: PGlite;
  if (dataDir.startsWith("memory://")) {
    pglite = new PGlite();
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    release = acquireDataDirLock(dataDir);
    pglite = new PGlite(dataDir);
  }
  await pglite.waitReady;
  const db = drizzle({ client: pglite, schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    pglite,
    async close() {
      await pglite.close();
      release();
    },
  };
}

/**
 * How postgres.js behaves while the server is away. Its defaults wait up to 30 s for a
 * connection (requests hung that long during an outage), and its reconnect delay grows
 * with every failed attempt of the whole pool up to 20 s, so after a restart requests
 * kept failing for many seconds after the server was back. Here a connection attempt
 * gives up after a few seconds, and a closed connection tries again within a second:
 * requests fail fast while the server is down (answered 503, lib/database-unavailable.ts)
 * and succeed again as soon as it is back.
 */
export const POSTGRES_RECOVERY = {
  connect_timeout: 3,
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
} as const;

async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max: env.DATABASE_POOL_MAX, onnotice: () => {}, ...POSTGRES_RECOVERY });
  const db = drizzle({ client, schema });
  return { db, driver: "postgres", postgres: client, close: () => client.end({ timeout: 5 }) };
}

export async function openDatabase(): Promise<Database> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.DATA_DIR);
}

export async function runMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(database.db as any, config);
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(database.db, config);
  }
}

/**
 * Instances starting together on one PostgreSQL server take turns to migrate and seed
 * (a session advisory lock on a connection of its own); PGlite has one process anyway.
 */
async function withSetupLock(setup: () => Promise<void>): Promise<void> {
  if (!env.DATABASE_URL) return setup();
  const { default: postgres } = await import("postgres");
  const lockConnection = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {}, ...POSTGRES_RECOVERY });
  const LOCK_KEY = 7_320_114; // any constant shared by every instance
  try {
    await lockConnection`select pg_advisory_lock(${LOCK_KEY})`;
    await setup();
  } finally {
    await lockConnection`select pg_advisory_unlock(${LOCK_KEY})`.catch(() => {});
    await lockConnection.end({ timeout: 5 });
  }
}

/** Rows of a raw query, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const dialect = new PgDialect();

/**
 * Rows of a statement run on every request (signing): on PostgreSQL it is prepared once
 * per connection, so the server parses and plans it once instead of on every call (drizzle's
 * raw `execute` sends it unprepared). Each distinct text is kept per connection, so the
 * statement should take only a few shapes.
 */
export async function queryRowsPrepared<T>(query: SQL): Promise<T[]> {
  const opened = await getDatabase();
  if (!opened.postgres) return queryRows<T>(opened.db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await opened.postgres.unsafe(text, params as never[], { prepare: true })) as unknown as T[];
}

const database = processSingleton(
  "database",
  async () => {
    const opened = await openDatabase();
    await withSetupLock(async () => {
      await runMigrations(opened);
      const { seedIfEmpty } = await import("./seed");
      await seedIfEmpty(opened.db);
    });
    return opened;
  },
  (opened) => opened.close(),
);

/** The process's database, opened, migrated and seeded on first use. */
export const getDatabase = database.get;
export const closeDatabase = database.close;

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
