// The drizzle types every query module uses, apart from db/client.ts so modules that
// db/client.ts itself loads (the seed) can name them without importing it back.
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
// Both drivers' transactions expose the same query API; drizzle types them apart.
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
