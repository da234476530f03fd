// One INSERT per request with postgres.js (the same driver and pool size as the app),
// after reading the same JSON body the signing API reads. GET creates the table and
// answers the row count (the bench's readiness check and row check).
import postgres from "postgres";

export const dynamic = "force-dynamic";

const holder = globalThis as unknown as { __benchSql?: postgres.Sql; __benchReady?: Promise<unknown> };

function db() {
  holder.__benchSql ??= postgres(process.env.DATABASE_URL!, {
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    onnotice: () => {},
  });
  holder.__benchReady ??= holder.__benchSql`create table if not exists bare_inserts (
      id bigserial primary key,
      full_name text not null,
      email text not null,
      created_at timestamptz not null default now())`;
  return holder.__benchSql;
}

export async function POST(request: Request) {
  const sql = db();
  await holder.__benchReady;
  const body = (await request.json()) as { fullName?: unknown; email?: unknown };
  if (typeof body.fullName !== "string" || typeof body.email !== "string") {
    return Response.json({ error: "invalid" }, { status: 400 });
  }
  await sql`insert into bare_inserts (full_name, email) values (${body.fullName}, ${body.email})`;
  return Response.json({ data: { status: "stored" } }, { status: 202, headers: { "Cache-Control": "no-store" } });
}

export async function GET() {
  const sql = db();
  await holder.__benchReady;
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from bare_inserts`;
  return Response.json({ rows: row.n }, { headers: { "Cache-Control": "no-store" } });
}
