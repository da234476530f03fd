// The report: a table of every step, signing against its targets and ceilings, the
// campaign page (plain, share links, tracking links, while signing), the stored-rows
// check and the email outbox; printed, and written with every figure to
// bench/results/<run>.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { EmailDrain, Verification } from "./checks";
import type { Run } from "./context";
import { QUIET_CORES } from "./cpu";
import type { StepResult } from "./load";
import {
  APP_LOG, BARE_LOG, BUILD_LOG, CONCURRENCY, CPU_PROF, MIXED_SIGN_CONNECTIONS, PAGE_CONNECTIONS, PGBENCH_SECONDS, RESULTS,
  RUN_ID, SECONDS, TARGETS, WORKER, WORKER_LOG, relative, startedAt,
} from "./settings";
import { PAGE_MIXED_STEP, SIGN_MIXED_STEP } from "./steps/page-while-signing";
import { PAGE_STEP, SHARE_LINK_STEP, TRACKING_LINK_STEP } from "./steps/pages";
import { SIGN_STEP } from "./steps/signing";
import { JS_TARGET_BYTES } from "./steps/js-weight";
import { VIRAL_PAGE_STEP, VIRAL_SIGN_STEP, VIRAL_TARGETS } from "./steps/viral-mix";

export type RunFacts = {
  t0: number;
  busyBefore: number;
  machine: { postgres: string; git: string; uncommittedAppFiles: number };
  builds: Record<string, number | string>;
  appReadyMs: number;
  verification: Verification;
  email: EmailDrain;
};

function pad(text: string | number, width: number, right = true): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

function mark(ok: boolean): string {
  return ok ? "yes" : "NO";
}

const percent = (n: number) => `${Math.round(n * 100)} %`;

/** Prints the report, writes the JSON; the exit code (1 when rows were lost or no email was sent). */
export function report(run: Run, facts: RunFacts): number {
  const { steps } = run;
  const step = (name: string) => steps.find((s) => s.name === name);
  const bareBy = new Map(steps.filter((s) => s.target === "bare").map((s) => [s.connections, s]));
  const signSteps = steps.filter((s) => s.name === SIGN_STEP);
  const bestPgbench = Math.max(...run.pgbench.map((r) => r.tps));
  // Both halves of the mixed step share one CPU reading: per request, count all their requests.
  const mixed = steps.filter((s) => s.name === PAGE_MIXED_STEP || s.name === SIGN_MIXED_STEP);
  const mixedReqPerSec = mixed.reduce((a, s) => a + s.reqPerSec, 0);
  const { verification: v, email } = facts;

  const lines: string[] = [];
  const say = (line = "") => lines.push(line);
  say();
  say(`Cut Ties bench ${RUN_ID} — ${os.cpus().length} cores shared by app, PostgreSQL and load generator; ${SECONDS} s per step`);
  say(`email worker: ${WORKER === "separate" ? "its own process (npm run worker; the web process has JOBS=off); \"server\" below is both" : "inside the app process (JOBS=on)"}`);
  say(`(other processes used ${facts.busyBefore} cores just before the run; "other" below is their share during each step)`);
  say();
  say(`${pad("step", 30, false)} ${pad("conc", 4)} ${pad("req/s", 8)} ${pad("2xx/s", 8)} ${pad("p50 ms", 7)} ${pad("p99 ms", 7)} ${pad("max ms", 7)} ${pad("non2xx", 6)} ${pad("errors", 6)} | CPU ms/req: server pg | cores: server pg loadgen other idle`);
  let anyBusy = false;
  for (const s of steps) {
    const c = s.cpu;
    const reqs = mixed.includes(s) ? mixedReqPerSec : s.reqPerSec;
    const perReq = (cores: number) => (reqs > 0 ? ((cores * 1000) / reqs).toFixed(2) : "-");
    const busy = c && c.other > QUIET_CORES;
    anyBusy ||= Boolean(busy);
    say(`${pad(s.name + (busy ? " *" : ""), 30, false)} ${pad(s.connections, 4)} ${pad(s.reqPerSec, 8)} ${pad(s.acceptedPerSec, 8)} ${pad(s.latencyMs.p50, 7)} ${pad(s.latencyMs.p99, 7)} ${pad(s.latencyMs.max, 7)} ${pad(s.non2xx, 6)} ${pad(s.errors + s.timeouts, 6)} | ${c ? `${pad(perReq(c.server), 6)} ${pad(perReq(c.postgres), 5)}` : pad("", 12)} | ${c ? `${c.server} ${c.postgres} ${c.loadgen} ${c.other} ${c.idle}` : ""}`);
  }
  for (const r of run.pgbench) {
    say(`${pad(`pgbench single-row INSERT`, 30, false)} ${pad(r.clients, 4)} ${pad(r.tps, 8)} ${pad(r.tps, 8)} ${pad(r.latencyMs ?? "", 7)}`);
  }
  if (anyBusy) {
    say(`* other processes used more than ${QUIET_CORES} cores during this step: its rates are low and its latencies high because of them;`);
    say(`  CPU ms/req (the server's and PostgreSQL's CPU time per request) suffers less, but also rises on a busy machine.`);
  }

  say();
  say("Signing against the targets (per concurrency):");
  say(`${pad("conc", 4)} ${pad("accepted/s", 10)} ${pad("÷ bare", 7)} ${pad("÷ pgbench", 9)} ${pad("p99 ms", 7)}   ≥${TARGETS.acceptedPerSec}/s  ≥${TARGETS.ofBare * 100}% bare  p99<${TARGETS.signP99Ms}`);
  const signingChecks = signSteps.map((s) => {
    const bare = bareBy.get(s.connections);
    const ofBare = bare ? s.acceptedPerSec / bare.acceptedPerSec : NaN;
    const ofPgbench = s.acceptedPerSec / bestPgbench;
    const check = {
      connections: s.connections,
      acceptedPerSec: s.acceptedPerSec,
      bareReqPerSec: bare?.acceptedPerSec ?? null,
      ofBare: Math.round(ofBare * 1000) / 1000,
      ofPgbench: Math.round(ofPgbench * 1000) / 1000,
      p99: s.latencyMs.p99,
      rate: s.acceptedPerSec >= TARGETS.acceptedPerSec,
      bare: ofBare >= TARGETS.ofBare,
      latency: s.latencyMs.p99 < TARGETS.signP99Ms,
    };
    say(`${pad(s.connections, 4)} ${pad(s.acceptedPerSec, 10)} ${pad(`${(ofBare * 100).toFixed(0)}%`, 7)} ${pad(`${(ofPgbench * 100).toFixed(1)}%`, 9)} ${pad(s.latencyMs.p99, 7)}   ${pad(mark(check.rate), 6, false)} ${pad(mark(check.bare), 10, false)} ${mark(check.latency)}`);
    return check;
  });
  const signingMet = signingChecks.some((c) => c.rate && c.bare && c.latency);
  say(`bare route ÷ pgbench (best, ${bestPgbench} TPS): ${CONCURRENCY.map((c) => `c=${c} ${((bareBy.get(c)?.acceptedPerSec ?? 0) / bestPgbench * 100).toFixed(1)}%`).join(", ")}`);
  say(`signing targets met at some concurrency (all three at once): ${signingMet ? "YES" : "NO"}`);

  say();
  const pageCheck = (s: StepResult) => `${s.reqPerSec} req/s (≥${TARGETS.pagePerSec}: ${mark(s.reqPerSec >= TARGETS.pagePerSec)}), p99 ${s.latencyMs.p99} ms (<${TARGETS.pageP99Ms}: ${mark(s.latencyMs.p99 < TARGETS.pageP99Ms)})`;
  const pageAlone = step(PAGE_STEP);
  const pageMixed = step(PAGE_MIXED_STEP);
  const signMixed = step(SIGN_MIXED_STEP);
  if (pageAlone) say(`Campaign page c=${PAGE_CONNECTIONS} alone:         ${pageCheck(pageAlone)}`);
  if (pageMixed && signMixed) {
    say(`Campaign page c=${PAGE_CONNECTIONS} while signing: ${pageCheck(pageMixed)}; signing meanwhile ${signMixed.acceptedPerSec}/s, p99 ${signMixed.latencyMs.p99} ms`);
  }
  const pageMet = Boolean(pageAlone && pageAlone.reqPerSec >= TARGETS.pagePerSec && pageAlone.latencyMs.p99 < TARGETS.pageP99Ms);

  // Share links against the plain page, measured one after the other in this run.
  const shareLinks = pageAlone
    ? [step(SHARE_LINK_STEP), step(TRACKING_LINK_STEP)].filter((s): s is StepResult => Boolean(s)).map((s) => ({
        step: s.name,
        reqPerSec: s.reqPerSec,
        p99: s.latencyMs.p99,
        ofPlain: Math.round((s.reqPerSec / pageAlone.reqPerSec) * 1000) / 1000,
      }))
    : [];
  if (pageAlone && shareLinks.length) {
    say(`Share links (c=${PAGE_CONNECTIONS}, a new code or click id on every request) ÷ the plain page (${pageAlone.reqPerSec} req/s, p99 ${pageAlone.latencyMs.p99} ms), target ≥ ${percent(TARGETS.shareLinkOfPlain)}:`);
    for (const s of shareLinks) {
      say(`  ${pad(s.step, 26, false)} ${pad(s.reqPerSec, 8)} req/s  p99 ${pad(s.p99, 5)} ms  ${pad(percent(s.ofPlain), 5)} of plain: ${mark(s.ofPlain >= TARGETS.shareLinkOfPlain)}`);
    }
  }
  const shareLinksMet = shareLinks.length > 0 && shareLinks.every((s) => s.ofPlain >= TARGETS.shareLinkOfPlain);

  const viralPage = step(VIRAL_PAGE_STEP);
  const viralSign = step(VIRAL_SIGN_STEP);
  if (viralPage && viralSign) {
    const t = VIRAL_TARGETS;
    say(`Viral mix (share links c=${viralPage.connections} while signing c=${viralSign.connections}):`);
    say(`  page    ${pad(viralPage.reqPerSec, 8)} req/s (≥${t.pagePerSec}: ${mark(viralPage.reqPerSec >= t.pagePerSec)}), p99 ${viralPage.latencyMs.p99} ms (<${t.pageP99Ms}: ${mark(viralPage.latencyMs.p99 < t.pageP99Ms)})`);
    say(`  signing ${pad(viralSign.acceptedPerSec, 8)} accepted/s (≥${t.signPerSec}: ${mark(viralSign.acceptedPerSec >= t.signPerSec)}), p99 ${viralSign.latencyMs.p99} ms (<${t.signP99Ms}: ${mark(viralSign.latencyMs.p99 < t.signP99Ms)})`);
  }
  if (run.jsWeight) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const w = run.jsWeight;
    say(`Campaign page JavaScript: ${w.scripts} scripts, ${kb(w.brotliBytes)} brotli / ${kb(w.gzipBytes)} gzip (target ≤ ${kb(JS_TARGET_BYTES)}: ${mark(w.brotliBytes <= JS_TARGET_BYTES)}); the app's own code ${kb(w.appBrotliBytes)}, the rest React and Next.js`);
  }

  say();
  say(`Stored rows vs 202s: ${v.newRows} new rows in signatures; ${v.accepted202} answered 202` +
    (v.storedUnanswered ? ` + ${v.storedUnanswered} stored whose answer was never read (cut off at a step's end)` : "") +
    `; ${v.lost} accepted but missing; ${v.storedDespiteError} stored despite an error answer; ${v.strangers} not sent by the bench` +
    ` → ${v.ok ? "OK" : "MISMATCH"}`);
  if (run.bare) say(`Bare route check: ${run.bare.rows} rows, ${run.bare.accepted202} answered 202, ${run.bare.unanswered} unanswered at step ends`);
  say(`Email outbox when the load ended: ${JSON.stringify(email.atEndOfLoad)}; after ${email.drainSeconds.toFixed(0)} s more: ${JSON.stringify(email.afterDrain)} (drained ${email.drainRatePerSec}/s)`);
  const emailsWorking = (email.afterDrain.sent ?? 0) > 0;
  if (!emailsWorking) say(`EMAIL WORKER BROKEN: no email was sent; see ${relative(WORKER === "separate" ? WORKER_LOG : APP_LOG)}`);
  else if ((email.afterDrain.queued ?? 0) > 0) say(`Email backlog: ${email.afterDrain.queued} still queued after the drain (the worker fell behind signing)`);
  say(`Rate-limit rows written: ${email.rateLimitRows} (two per signature with distinct addresses)`);
  say();
  say(`Logs: ${relative(APP_LOG)}, ${WORKER === "separate" ? `${relative(WORKER_LOG)}, ` : ""}${relative(BARE_LOG)}${fs.existsSync(BUILD_LOG) ? `, ${relative(BUILD_LOG)}` : ""}`);
  const jsonFile = path.join(RESULTS, `${RUN_ID}.json`);
  say(`Raw results: ${relative(jsonFile)}   (total ${((Date.now() - facts.t0) / 1000).toFixed(0)} s)`);
  console.log(lines.join("\n"));

  fs.writeFileSync(
    jsonFile,
    JSON.stringify(
      {
        runId: RUN_ID,
        startedAt,
        finishedAt: new Date(),
        machine: { cores: os.cpus().length, coresBusyBeforeRun: facts.busyBefore, loadavgAtEnd: os.loadavg(), node: process.version, ...facts.machine },
        settings: { worker: WORKER, seconds: SECONDS, concurrency: CONCURRENCY, pageConnections: PAGE_CONNECTIONS, mixedSignConnections: MIXED_SIGN_CONNECTIONS, pgbenchSeconds: PGBENCH_SECONDS, cpuProf: CPU_PROF },
        targets: TARGETS,
        builds: facts.builds,
        appReadyMs: facts.appReadyMs,
        pgbench: run.pgbench,
        steps,
        signingChecks,
        signingMet,
        pageMet,
        shareLinks,
        shareLinksMet,
        verification: v,
        bare: run.bare,
        outbox: { atEndOfLoad: email.atEndOfLoad, afterDrain: email.afterDrain, drainSeconds: email.drainSeconds, drainRatePerSec: email.drainRatePerSec },
        rateLimitRows: email.rateLimitRows,
      },
      null,
      2,
    ),
  );
  return v.ok && emailsWorking ? 0 : 1;
}
