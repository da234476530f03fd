// What the steps share: the run's record (every load step's figures, and whatever
// else a step measured) and, for the steps against Cut Ties, the running app.
import type postgres from "postgres";
import { describeStep, type SignatureTracker, type StepResult } from "./load";
import type { PgbenchResult } from "./pgbench";
import { log } from "./settings";

export type Run = {
  steps: StepResult[];
  pgbench: PgbenchResult[];
  bare?: { rows: number; accepted202: number; unanswered: number };
  /** The campaign page's JavaScript (bench/steps/js-weight.ts). */
  jsWeight?: { scripts: number; brotliBytes: number; gzipBytes: number; appBrotliBytes: number };
  /** Logs a load step and keeps it for the report. */
  record(step: StepResult): StepResult;
};

export function newRun(): Run {
  const run: Run = {
    steps: [],
    pgbench: [],
    record(step) {
      run.steps.push(step);
      log(describeStep(step));
      return step;
    },
  };
  return run;
}

/** Cut Ties as the bench runs it: the web process (and the email worker, when apart). */
export type AppUnderTest = {
  port: number;
  /** Process groups whose CPU counts as the server's. */
  serverPgids: number[];
  /** The app's database, for checks (2 connections). */
  db: postgres.Sql;
  /** Every signature the steps sent, and what it was answered. */
  signTracker: SignatureTracker;
  /** Where email problems show: the worker's log, or the app's when it sends itself. */
  emailLog: string;
};

/** One step against the running app: a module in bench/steps/, listed in bench/run.ts. */
export type AppStep = {
  name: string;
  run(app: AppUnderTest, run: Run): Promise<void>;
};
