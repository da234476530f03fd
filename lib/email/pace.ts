import "server-only";
// The provider's request pace, shared through PostgreSQL by every process that sends
// (web instances with JOBS=on, workers): one row holds the next free slot. A sender
// reserves a slot with one statement, then waits for it, so requests leave at most
// MAIL_RATE_PER_SECOND a second in all. A 429 pushes every later slot past the time
// the provider named, so all senders back off together; the episode is logged once.
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { env } from "@/lib/env";

// Slots are spaced 15 % wider than the limit: requests leave on time but arrive with
// jitter (a busy event loop, a 1 MB body to serialise), and in a 1-second window three
// requests spaced exactly 500 ms apart need only one to be early and one late to hold
// one too many. Measured: up to ±100 ms on an overloaded 2-core machine; 15 % of 500 ms
// absorbs 150 ms, at a cost of 13 % of the rate (174 instead of 200 emails a second).
const GUARD = 1.15;

export function slotSpacingMs(ratePerSecond = env.MAIL_RATE_PER_SECOND): number {
  return (1000 / ratePerSecond) * GUARD;
}

// The database's clock minus this process's, from the quickest round trip seen lately
// (a slow round trip says little about when the statement ran). Slots are instants on
// the database's clock; converted with this, a slot's wait does not grow by however long
// the answer took to come back, which would bunch requests up after a slow query.
const clock = { offsetMs: 0, rttMs: Infinity, at: 0 };

function observeClock(sentAt: number, receivedAt: number, dbNowMs: number): void {
  const rtt = receivedAt - sentAt;
  // A fresh sample wins when quicker, or when the best one is a minute old (drift).
  if (rtt <= clock.rttMs || receivedAt - clock.at > 60_000) {
    clock.offsetMs = dbNowMs - (sentAt + receivedAt) / 2;
    clock.rttMs = rtt;
    clock.at = receivedAt;
  }
}

/**
 * Reserves the next send slot for this process: returns the local time (ms) at which
 * the request may leave. Slots are spaced on the database's clock, so every process,
 * on any machine, draws from the same sequence.
 */
export async function reserveSendSlot(): Promise<number> {
  const spacing = slotSpacingMs() / 1000;
  const sentAt = Date.now();
  const [row] = await queryRows<{ slot: number; db_now: number }>(
    await getDb(),
    sql`insert into email_send_pace as p (id, next_slot_at) values (1, now() + make_interval(secs => ${spacing}::float8))
        on conflict (id) do update
          set next_slot_at = greatest(p.next_slot_at, p.blocked_until, now()) + make_interval(secs => ${spacing}::float8)
        returning (extract(epoch from p.next_slot_at) * 1000 - ${spacing * 1000}::float8)::float8 as slot,
                  (extract(epoch from clock_timestamp()) * 1000)::float8 as db_now`,
  );
  observeClock(sentAt, Date.now(), Number(row.db_now));
  return Number(row.slot) - clock.offsetMs;
}

/**
 * The provider answered 429: no sender may send before `seconds` from now. Returns
 * whether this refusal started an episode (the only one worth a log line).
 */
export async function recordRateLimited(seconds: number): Promise<boolean> {
  const [row] = await queryRows<{ first: boolean }>(
    await getDb(),
    sql`insert into email_send_pace as p (id, blocked_until, next_slot_at, limited_since, refused_in_episode, refused_total)
        values (1, now() + make_interval(secs => ${seconds}::float8), now() + make_interval(secs => ${seconds}::float8), now(), 1, 1)
        on conflict (id) do update
          set blocked_until = greatest(p.blocked_until, excluded.blocked_until),
              next_slot_at = greatest(p.next_slot_at, excluded.next_slot_at),
              limited_since = coalesce(p.limited_since, now()),
              refused_in_episode = p.refused_in_episode + 1,
              refused_total = p.refused_total + 1
        returning p.refused_in_episode = 1 as first`,
  );
  return Boolean(row?.first);
}

/** A request was accepted: ends a rate-limit episode, if one was on. Returns how many were refused in it. */
export async function recordAccepted(): Promise<number | null> {
  const [row] = await queryRows<{ refused: number }>(
    await getDb(),
    sql`update email_send_pace p set limited_since = null, refused_in_episode = 0
        from (select refused_in_episode from email_send_pace where id = 1 and limited_since is not null) old
        where p.id = 1 and p.limited_since is not null
        returning old.refused_in_episode as refused`,
  );
  return row ? Number(row.refused) : null;
}

export type PaceState = { rateLimited: boolean; blockedForSeconds: number; refusedInEpisode: number; refusedTotal: number };

export async function paceState(): Promise<PaceState> {
  const [row] = await queryRows<{ limited: boolean; blocked: number; episode: number; total: number }>(
    await getDb(),
    sql`select limited_since is not null as limited, greatest(0, extract(epoch from blocked_until - now()))::float8 as blocked,
               refused_in_episode as episode, refused_total as total
        from email_send_pace where id = 1`,
  );
  return {
    rateLimited: Boolean(row?.limited),
    blockedForSeconds: Math.round(Number(row?.blocked ?? 0) * 10) / 10,
    refusedInEpisode: Number(row?.episode ?? 0),
    refusedTotal: Number(row?.total ?? 0),
  };
}
