// After the load: every signature answered 202 is stored (and nothing else is), and
// the email worker keeps up (what it sent during the load and in a short drain after).
import { outboxStatus } from "./app";
import type { AppUnderTest } from "./context";
import { DRAIN_SECONDS, log, round1, sleep } from "./settings";

export type Verification = {
  rowsBefore: number;
  rowsAfter: number;
  newRows: number;
  accepted202: number;
  unanswered: number;
  storedUnanswered: number;
  lost: number;
  storedDespiteError: number;
  strangers: number;
  ok: boolean;
};

export async function signatureRows(app: AppUnderTest): Promise<number> {
  const [{ n }] = await app.db<{ n: number }[]>`select count(*)::int as n from signatures`;
  return n;
}

/** Stored rows against accepted answers. Requests cut off when a step ended (or timed
 *  out) got no answer but may still have been stored: those are counted apart. */
export async function verifyStored(app: AppUnderTest, rowsBefore: number): Promise<Verification> {
  let previous = -1;
  let rowsNow = 0;
  for (let i = 0; i < 20; i++) {
    rowsNow = await signatureRows(app);
    if (rowsNow === previous) break;
    previous = rowsNow;
    await sleep(500);
  }
  const tracker = app.signTracker;
  const stored = new Set(
    (await app.db<{ email: string }[]>`select email from signatures where email like ${`${tracker.prefix}-%`}`).map((r) => r.email),
  );
  let lost = 0; // answered 202, not stored
  let storedUnanswered = 0; // no answer read (cut off at a step's end), stored
  let storedDespiteError = 0; // answered non-202, stored anyway
  for (const [email, status] of tracker.status) {
    const isStored = stored.has(email);
    if (status === 202 && !isStored) lost++;
    if (status === 0 && isStored) storedUnanswered++;
    if (status !== 0 && status !== 202 && isStored) storedDespiteError++;
  }
  const accepted202 = tracker.count(202);
  const newRows = rowsNow - rowsBefore;
  const strangers = newRows - stored.size; // rows the bench did not send
  return {
    rowsBefore,
    rowsAfter: rowsNow,
    newRows,
    accepted202,
    unanswered: tracker.count(0),
    storedUnanswered,
    lost,
    storedDespiteError,
    strangers,
    ok: lost === 0 && storedDespiteError === 0 && strangers === 0 && newRows === accepted202 + storedUnanswered,
  };
}

export type EmailDrain = {
  atEndOfLoad: Record<string, number>;
  afterDrain: Record<string, number>;
  drainSeconds: number;
  drainRatePerSec: number;
  rateLimitRows: number;
};

/** What the worker sent during the load, and after up to BENCH_DRAIN_SECONDS more. */
export async function drainEmail(app: AppUnderTest): Promise<EmailDrain> {
  const atEndOfLoad = await outboxStatus(app.db);
  log(`email outbox when the load ended: ${JSON.stringify(atEndOfLoad)}; draining up to ${DRAIN_SECONDS} s…`);
  const drainStart = Date.now();
  let afterDrain = atEndOfLoad;
  while (Date.now() - drainStart < DRAIN_SECONDS * 1000 && (afterDrain.queued ?? 0) > 0) {
    await sleep(1000);
    afterDrain = await outboxStatus(app.db);
  }
  const drainSeconds = (Date.now() - drainStart) / 1000;
  const drainRatePerSec = round1(((afterDrain.sent ?? 0) - (atEndOfLoad.sent ?? 0)) / Math.max(drainSeconds, 0.001));
  const [{ n: rateLimitRows }] = await app.db<{ n: number }[]>`select count(*)::int as n from rate_limit_hits`;
  return { atEndOfLoad, afterDrain, drainSeconds, drainRatePerSec, rateLimitRows };
}
