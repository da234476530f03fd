import "server-only";
// The organizer's view of a campaign's signers: keyset pages of the table (page N costs
// what page 1 costs: no OFFSET), the counts behind the export button, and the names for
// the delivery packet. Every query takes the campaign *with its group* (SignersScope).
import { and, asc, count, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { campaigns, signatures } from "@/db/schema";
import { localizedTitle } from "@/lib/campaigns/queries";
import { isUnfiltered, signersWhere, type SignersScope } from "./filter";
import type { SignerFilter, SignerPageInput, SignerStatus } from "./schemas";

export const PAGE_SIZE = 50;

export type SignerRow = {
  id: string;
  fullName: string;
  email: string;
  status: SignerStatus;
  createdAt: Date;
  optedIn: boolean;
  shared: boolean;
  showName: boolean;
};

export type SignerPage = {
  rows: SignerRow[];
  /** Cursors for the neighbouring pages, when there are any. */
  next: string | null;
  previous: string | null;
};

// A cursor holds the row's created_at to the microsecond (a JS Date keeps only
// milliseconds, which would skip or repeat rows signed in the same millisecond) and its id.
const exactTime = sql<string>`to_char(${signatures.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString("base64url");
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;
function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString());
  return match && !Number.isNaN(Date.parse(match[1])) ? { at: match[1], id: match[2] } : null;
}

/** One page of the table, newest first, after (or before) a cursor. */
export async function listSigners(scope: SignersScope, input: SignerPageInput, pageSize = PAGE_SIZE): Promise<SignerPage> {
  const after = decodeCursor(input.after);
  const before = after ? null : decodeCursor(input.before);
  const position = after
    ? or(lt(signatures.createdAt, sql`${after.at}::timestamptz`),
      and(eq(signatures.createdAt, sql`${after.at}::timestamptz`), lt(signatures.id, after.id)))
    : before
      ? or(gt(signatures.createdAt, sql`${before.at}::timestamptz`),
        and(eq(signatures.createdAt, sql`${before.at}::timestamptz`), gt(signatures.id, before.id)))
      : undefined;
  // A search finds its few rows through its indexes, then sorts them. Ordered by the bare
  // column, PostgreSQL may instead walk the campaign's rows newest first until 50 match,
  // which for a rare name or one address means all 100,000 (its estimate of a full-text
  // match is rough): "+ interval '0'" keeps it from using that order.
  const order = input.q ? sql`(${signatures.createdAt} + interval '0 seconds')` : signatures.createdAt;
  const db = await getDb();
  const found = await db
    .select({
      id: signatures.id,
      fullName: signatures.fullName,
      email: signatures.email,
      status: signatures.status,
      createdAt: signatures.createdAt,
      at: exactTime,
      optedIn: sql<boolean>`${signatures.updatesConsentAt} is not null`,
      shared: sql<boolean>`${signatures.referredBy} is not null`,
      showName: signatures.showName,
    })
    .from(signatures)
    .where(and(signersWhere(scope, input), position))
    // Going back reads the rows just above the cursor in reverse, then turns them round.
    .orderBy(...(before ? [asc(order), asc(signatures.id)] : [desc(order), desc(signatures.id)]))
    .limit(pageSize + 1);
  const more = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (before) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const rows = page.map(({ at, ...row }) => { void at; return { ...row, optedIn: Boolean(row.optedIn), shared: Boolean(row.shared) }; });
  return {
    rows,
    next: last && (before || more) ? encodeCursor(last.at, last.id) : null,
    previous: first && (after || (before && more)) ? encodeCursor(first.at, first.id) : null,
  };
}

/**
 * How many rows the filter matches, and how many of them are confirmed (what the export
 * holds). Unfiltered (or by status only), the confirmed figure is the campaign's count
 * shards and the rest a count over the small index of unconfirmed rows: no scan of
 * 100,000 rows on every page; any other filter counts its matching rows.
 */
export async function countSigners(scope: SignersScope, filter: SignerFilter): Promise<{ matching: number; confirmed: number }> {
  const db = await getDb();
  if (isUnfiltered(filter)) {
    const [row] = await queryRows<{ confirmed: number; unconfirmed: number }>(db, sql`
      select coalesce((select sum(confirmed) from signature_count_shards where campaign_id = ${scope.campaignId}), 0)::int as confirmed,
             (select count(*) from signatures s where s.campaign_id = ${scope.campaignId} and s.status <> 'validated'
                ${filter.status && filter.status !== "validated" ? sql`and s.status = ${filter.status}` : sql``})::int as unconfirmed
      from campaigns c where c.id = ${scope.campaignId} and c.group_id = ${scope.groupId}`);
    if (!row) return { matching: 0, confirmed: 0 };
    const confirmed = !filter.status || filter.status === "validated" ? Math.max(0, Number(row.confirmed)) : 0;
    const unconfirmed = filter.status === "validated" ? 0 : Number(row.unconfirmed);
    return { matching: confirmed + unconfirmed, confirmed };
  }
  const [row] = await db
    .select({
      matching: count(),
      confirmed: sql<number>`count(*) filter (where ${signatures.status} = 'validated')::int`,
    })
    .from(signatures)
    .where(signersWhere(scope, filter));
  return { matching: Number(row?.matching ?? 0), confirmed: Number(row?.confirmed ?? 0) };
}

// A delivery packet lists at most this many names; the count says how many signed.
export const PACKET_NAME_LIMIT = 5000;

export type PacketData = {
  title: string;
  ask: string;
  targets: string[];
  namesHidden: boolean;
  /** First names of confirmed signers who chose to be shown, oldest first. */
  firstNames: string[];
  shownTotal: number;
};

/** The delivery packet's content: the ask, the targets and the first names that may be shown. */
export async function getPacket(scope: SignersScope, locale: "en" | "es"): Promise<PacketData | null> {
  const db = await getDb();
  const [campaign] = await db
    .select({ title: campaigns.title, titleEs: campaigns.titleEs, ask: campaigns.ask, askEs: campaigns.askEs, namesHidden: campaigns.namesHidden })
    .from(campaigns)
    .where(and(eq(campaigns.id, scope.campaignId), eq(campaigns.groupId, scope.groupId)));
  if (!campaign) return null;
  const targetRows = await queryRows<{ name: string }>(db, sql`
    select co.name from campaign_targets ct join companies co on co.id = ct.company_id
    where ct.campaign_id = ${scope.campaignId} order by co.name`);
  const shown = and(signersWhere(scope, { status: "validated" }), eq(signatures.showName, true));
  let firstNames: string[] = [];
  let shownTotal = 0;
  if (!campaign.namesHidden) {
    const names = await db
      .select({ first: sql<string>`split_part(trim(${signatures.fullName}), ' ', 1)` })
      .from(signatures)
      .where(shown)
      .orderBy(asc(signatures.validatedAt))
      .limit(PACKET_NAME_LIMIT);
    firstNames = names.map((n) => n.first).filter(Boolean);
    const [total] = await db.select({ n: count() }).from(signatures).where(shown);
    shownTotal = Number(total?.n ?? 0);
  }
  return {
    title: localizedTitle(campaign, locale),
    ask: (locale === "es" && campaign.askEs) || campaign.ask,
    targets: targetRows.map((t) => t.name),
    namesHidden: campaign.namesHidden,
    firstNames,
    shownTotal,
  };
}

/** One signer of the campaign, for the removal's confirmation. */
export async function findSigner(scope: SignersScope, signatureId: string): Promise<SignerRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(signatureId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: signatures.id, fullName: signatures.fullName, email: signatures.email, status: signatures.status,
      createdAt: signatures.createdAt, showName: signatures.showName,
      optedIn: sql<boolean>`${signatures.updatesConsentAt} is not null`,
      shared: sql<boolean>`${signatures.referredBy} is not null`,
    })
    .from(signatures)
    .where(and(signersWhere(scope, {}), eq(signatures.id, signatureId)));
  return row ? { ...row, optedIn: Boolean(row.optedIn), shared: Boolean(row.shared) } : null;
}
