import "server-only";
// The outbox worker: claims due emails in rounds and sends them. Each instance with
// JOBS=on runs one; claims skip rows another worker holds, so they share the queue.
// Between rounds it sleeps until signing in this process wakes it or the poll comes
// round, so a lone signature's email leaves within a moment, and a burst is sent in
// batches rather than one query per signature.
import { logError } from "@/lib/errors";
import { deliverDueEmails } from "./outbox";

const BATCH = 25;
const POLL_MS = 1000; // picks up emails queued by other instances
const MIN_ROUND_MS = 100; // a burst's wake-ups gather into one round
const ERROR_PAUSE_MS = 5000;

// On globalThis: Next.js bundles the routes that wake the worker apart from
// instrumentation, which starts it, so a module-level variable would not be shared.
type WorkerState = { wake?: () => void; woken?: boolean; stopping?: boolean; done?: Promise<void> };
const state = ((globalThis as Record<string, unknown>).__cutTies_outboxWorker ??= {}) as WorkerState;

/** Tells this process's worker, if it runs, that an email was just queued. */
export function wakeOutboxWorker(): void {
  state.woken = true; // remembered if a round is running now
  state.wake?.();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function nextWake(ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (state.woken || state.stopping) {
      state.woken = false;
      return resolve();
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      state.wake = undefined;
      state.woken = false;
      resolve();
    }
    state.wake = done;
  });
}

export function startOutboxWorker(): void {
  if (state.done) return;
  state.stopping = false;
  state.done = (async () => {
    while (!state.stopping) {
      const started = Date.now();
      let claimed = 0;
      try {
        ({ claimed } = await deliverDueEmails(BATCH));
      } catch (error) {
        logError("email-outbox", error);
        await sleep(ERROR_PAUSE_MS);
        continue;
      }
      if (claimed === BATCH) continue; // more are waiting
      await nextWake(POLL_MS);
      const elapsed = Date.now() - started;
      if (elapsed < MIN_ROUND_MS) await sleep(MIN_ROUND_MS - elapsed);
    }
  })();
}

/** Finishes the round in progress (its emails are settled), then stops. */
export async function stopOutboxWorker(): Promise<void> {
  state.stopping = true;
  state.wake?.();
  await state.done;
  state.done = undefined;
}
