// A database restart or failover cuts every open connection, and a signature caught on
// one of them must not be lost or answered "try again" once the server is back: it is
// tried again on a new connection. Here the cut is made on purpose, mid-statement: the
// signing statement waits on a row lock, its server process is terminated (as a fast
// shutdown terminates it), and the lock is let go.
// Only on a PostgreSQL server (the embedded database has no connection to cut): the db
// project runs *.postgres.db.test.ts files only when DATABASE_URL is set, as CI's second round does.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";

process.env.SIGN_LIMIT_PER_EMAIL = "1000/3600";
const { getDb, queryRows } = await import("@/db/client");
const { recordSignature } = await import("./mutations");

const SLUG = "amazon-stop-hosting-palantir";
const EMAIL = "cut.mid.statement@example.org";

describe("a connection cut under the signing statement", () => {
  it("is tried again on a new connection: the signature is stored once, with one email", async () => {
    const sign = (fullName: string) =>
      recordSignature({ campaignSlug: SLUG, input: { fullName, email: EMAIL }, locale: "en", clientIp: "198.51.100.7" });
    expect(await sign("First Try")).toMatchObject({ ok: true });

    const locker = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const held = locker.begin(async (tx) => {
        await tx`select id from signatures where email_canonical = ${EMAIL} for update`;
        // Hold the row until the app's statement is waiting on it, then cut that statement's connection.
        let victim: number | undefined;
        for (let i = 0; i < 200 && victim === undefined; i++) {
          const [row] = await tx`select pid from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and query ilike '%insert into signatures%'`;
          victim = row?.pid as number | undefined;
          if (victim === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
        }
        expect(victim, "the signing statement waits on the locked row").toBeDefined();
        const [killed] = await tx`select pg_terminate_backend(${victim!}) as ok`;
        expect(killed.ok).toBe(true);
      });
      // The lock is taken before the second signature starts, and let go right after the cut.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = sign("Second Try");
      await held;
      expect(await second).toMatchObject({ ok: true });
    } finally {
      await locker.end({ timeout: 5 });
    }

    const db = await getDb();
    const rows = await queryRows<{ id: string; full_name: string }>(
      db,
      sql`select id, full_name from signatures where email_canonical = ${EMAIL}`,
    );
    expect(rows).toEqual([{ id: expect.any(String), full_name: "Second Try" }]);
    const emails = await queryRows<{ id: string }>(db, sql`select id from email_outbox where signature_id = ${rows[0].id}`);
    expect(emails).toHaveLength(1);
  });
});
