import "server-only";
// Finding signatures across every campaign: by email (canonical, so case and +tags do
// not hide anyone), mail domain, name, postal code or IP. An IP is never stored: the
// query is reduced and hashed with the key signing used (lib/client-ip.ts reduceIp,
// lib/secrets.ts keyedHash), or a hash from the trending report is used as is.
import { isIP } from "node:net";
import { sql, type SQL } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { reduceIp } from "@/lib/client-ip";
import { keyedHash } from "@/lib/secrets";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import type { SearchKind } from "./schemas";

export const SEARCH_LIMIT = 100;

export type FoundSignature = {
  id: string; campaignId: string; campaignTitle: string; fullName: string; email: string; postalCode: string | null;
  status: "pending" | "validated" | "invalidated" | "fraudulent"; subscribed: boolean; flaggedReason: string | null;
  createdAt: Date; ipHash: string | null;
};

/** The stored ip_hash for what an admin typed: an address (hashed) or a hash (as is). */
export function ipHashFor(query: string): string {
  return isIP(query) ? keyedHash("ip", reduceIp(query)) : query;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchCondition(by: SearchKind, q: string): SQL {
  switch (by) {
    case "email":
      return sql`s.email_canonical = ${canonicalEmail(q)}`;
    case "domain":
      return sql`s.email_canonical like ${`%@${likeEscape(q.replace(/^@/, "").toLowerCase())}`}`;
    case "name":
      return sql`s.full_name ilike ${`%${likeEscape(q)}%`}`;
    case "postal":
      return sql`upper(replace(s.postal_code, ' ', '')) = ${q.replace(/\s/g, "").toUpperCase()}`;
    case "ip":
      return sql`s.ip_hash = ${ipHashFor(q)}`;
  }
}

export async function searchSignatures(by: SearchKind, q: string): Promise<{ rows: FoundSignature[]; total: number }> {
  const db = await getDb();
  const where = searchCondition(by, q);
  const rows = await queryRows<{
    id: string; campaign_id: string; title: string; full_name: string; email: string; postal_code: string | null;
    status: FoundSignature["status"]; subscribed: boolean; flagged_reason: string | null; created_at: string | Date;
    ip_hash: string | null; total: number;
  }>(
    db,
    sql`select s.id, s.campaign_id, c.title, s.full_name, s.email, s.postal_code, s.status,
               s.updates_consent_at is not null as subscribed, s.flagged_reason, s.created_at, s.ip_hash,
               count(*) over ()::int as total
        from signatures s join campaigns c on c.id = s.campaign_id
        where ${where}
        order by s.created_at desc, s.id
        limit ${SEARCH_LIMIT}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      id: r.id, campaignId: r.campaign_id, campaignTitle: r.title, fullName: r.full_name, email: r.email,
      postalCode: r.postal_code, status: r.status, subscribed: Boolean(r.subscribed), flaggedReason: r.flagged_reason,
      createdAt: new Date(r.created_at), ipHash: r.ip_hash,
    })),
  };
}
