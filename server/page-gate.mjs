// Signing first when a campaign goes viral: each app process starts at most a few page
// loads per turn of its event loop; the rest wait their turn here, parked and costing
// nothing, while signatures, the API, scripts and images go straight through.
// Why: a signature takes a few steps (its body arrives, its statement runs, its answer
// goes out), and each step waits until the event loop comes round to it. Under a flood
// of page loads (50 connections), every turn of the loop served every page load that had
// arrived, so each step of a signature waited behind dozens of them: signing fell to
// ~150 signatures/s at 10 connections while pages took the cores. With the page loads
// let in a few per turn, a signature's steps wait behind those few at most.
// Only the start is paced, not how long a page takes: a slow reader holds nothing here.
// Not paced: the page cache's own render requests (a page load may be waiting for one;
// lib/page-cache.ts), anything but GET and HEAD, the build's files and the API.

import { PAGE_FILL_HEADER, provesPageFill } from "./page-fill.mjs";

/** Page loads one process starts per turn of its event loop (PAGE_CONCURRENCY; 0: no pacing). */
export const DEFAULT_PAGE_CONCURRENCY = 16;

/** The number of page loads one process starts per turn, from PAGE_CONCURRENCY. */
export function pageConcurrency(environment = process.env) {
  const raw = environment.PAGE_CONCURRENCY;
  if (raw === undefined || raw === "") return DEFAULT_PAGE_CONCURRENCY;
  if (!/^\d+$/.test(raw)) throw new Error(`PAGE_CONCURRENCY=${raw}: a whole number (0 turns the pacing off)`);
  return Number(raw);
}

/** True for a request the gate paces: a page load, not its assets, the API or a form post. */
export function isPageLoad(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (provesPageFill(req.headers[PAGE_FILL_HEADER])) return false;
  const path = (req.url ?? "/").split("?")[0];
  return !path.startsWith("/_next/") && !path.startsWith("/api/");
}

/**
 * A gate that lets `perTurn` waiting page loads go on per turn of the event loop, first
 * come first served. `admit` resolves true when the request may go on, false if its
 * client left while it waited (it is then never handled).
 * Admissions run in setImmediate: one batch per turn, after the turn has read the
 * network and the database. (Letting the next page in as the previous one ends would not
 * do: a page's end comes through process.nextTick, so every waiting page would run
 * before the loop read anything else.)
 */
export function pageGate(perTurn) {
  let scheduled = false;
  const waiting = [];
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(admitBatch);
  };
  function admitBatch() {
    scheduled = false;
    let admitted = 0;
    while (admitted < perTurn && waiting.length) {
      const { res, resolve } = waiting.shift();
      if (res.destroyed || res.writableEnded) {
        resolve(false);
        continue;
      }
      admitted++;
      resolve(true);
    }
    // Scheduled from inside an immediate, the next batch runs on the next turn.
    if (waiting.length) schedule();
  }
  return {
    admit(res) {
      if (perTurn <= 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        waiting.push({ res, resolve });
        schedule();
      });
    },
    get waiting() {
      return waiting.length;
    },
  };
}
