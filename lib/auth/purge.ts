import "server-only";
// Sign-in requests are kept a day past their expiry (for the audit of what happened),
// then dropped by the nightly purge (lib/jobs/workers.ts).
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";

export async function purgeSignInRequests(): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    await getDb(),
    sql`with d as (delete from sign_in_requests where expires_at < now() - interval '1 day' returning 1)
        select count(*)::int as n from d`,
  );
  return Number(rows[0]?.n ?? 0);
}
