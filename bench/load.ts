// Load: one autocannon run against a path (signing POSTs, each a new signature; or
// page loads as a browser sends them), its figures as a StepResult, and the CPU each
// step used (`measured`).
import autocannon, { type Request, type Result } from "autocannon";
import { cannons } from "./cleanup";
import { cpuBetween, cpuSnapshot, type CpuUse } from "./cpu";
import { RAND, round1 } from "./settings";

export type StepResult = {
  name: string;
  target: "app" | "bare";
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  accepted: number;
  acceptedPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  cpu?: CpuUse;
  /** CPU time per request (all requests of the step, or of both halves of the mixed step). */
  cpuMsPerRequest?: { server: number; postgres: number };
  outboxAfter?: Record<string, number>;
};

/** Every signature request's email and the status it got (0: no response read). */
export class SignatureTracker {
  private seq = 0;
  readonly prefix: string;
  readonly status = new Map<string, number>();
  constructor(label: string) {
    this.prefix = `bench-${RAND}-${label}`;
  }

  request(): Request {
    return {
      method: "POST",
      path: "",
      setupRequest: (req, context) => {
        const n = ++this.seq;
        const email = `${this.prefix}-${n}@example.org`;
        context.email = email;
        this.status.set(email, 0);
        // A distinct client address per request (10.0.0.0/8), so the per-IP limit is not what is measured.
        const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
        return {
          ...req,
          headers: { ...req.headers, "x-forwarded-for": ip },
          body: JSON.stringify({ fullName: `Bench Signer ${n}`, email }),
        };
      },
      onResponse: (status, _body, context) => {
        if (typeof context.email === "string") this.status.set(context.email, status);
      },
    };
  }

  count(status: number): number {
    let n = 0;
    for (const s of this.status.values()) if (s === status) n++;
    return n;
  }
}

/** A page load (GET) with a query string of its own per request: `query(n)` for the n-th. */
function pageRequest(path: string, query?: (n: number) => string): Request {
  if (!query) return { method: "GET", path };
  let n = 0;
  return { method: "GET", path, setupRequest: (req) => ({ ...req, path: `${path}${query(++n)}` }) };
}

export function load(opts: {
  name: string;
  target: "app" | "bare";
  port: number;
  path: string;
  connections: number;
  seconds: number;
  /** POSTs signatures (a new one per request) when given; page loads otherwise. */
  tracker?: SignatureTracker;
  /** For page loads: each request's query string (share links, tracking parameters). */
  query?: (n: number) => string;
}): Promise<StepResult> {
  const get = !opts.tracker;
  const cannon = autocannon({
    url: `http://127.0.0.1:${opts.port}`,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    // Page loads as a browser sends them (a browser's page load is what the page cache serves).
    headers: get
      ? { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "sec-fetch-dest": "document", "accept-language": "en" }
      : { "content-type": "application/json", "accept-language": "en" },
    requests: get ? [pageRequest(opts.path, opts.query)] : [{ ...opts.tracker!.request(), path: opts.path }],
  });
  cannons.add(cannon);
  return Promise.resolve(cannon).then((r: Result) => {
    cannons.delete(cannon);
    const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
    const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
    const accepted = get ? r["2xx"] : (statusCodes["202"] ?? 0);
    return {
      name: opts.name,
      target: opts.target,
      path: opts.path + (opts.query ? opts.query(1).replace(/=.*/, "=…") : ""),
      connections: opts.connections,
      seconds: r.duration,
      requests,
      reqPerSec: round1(requests / r.duration),
      accepted,
      acceptedPerSec: round1(accepted / r.duration),
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.mean },
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      statusCodes,
    };
  });
}

/** Runs the load, recording the cores each party used meanwhile on each of its steps. */
export async function measured<T extends StepResult | StepResult[]>(serverPgids: number | number[], work: () => Promise<T>): Promise<T> {
  const a = cpuSnapshot();
  const result = await work();
  const cpu = cpuBetween(a, cpuSnapshot(), ([] as number[]).concat(serverPgids));
  const list: StepResult[] = Array.isArray(result) ? result : [result as StepResult];
  const reqPerSec = list.reduce((a, s) => a + s.reqPerSec, 0);
  for (const step of list) {
    step.cpu = cpu;
    step.cpuMsPerRequest = reqPerSec > 0
      ? { server: Math.round((cpu.server * 1e5) / reqPerSec) / 100, postgres: Math.round((cpu.postgres * 1e5) / reqPerSec) / 100 }
      : undefined;
  }
  return result;
}

/** One line about a finished step, for the log. */
export function describeStep(step: StepResult): string {
  const codes = Object.entries(step.statusCodes).map(([k, v]) => `${k}:${v}`).join(" ");
  const cpu = step.cpu
    ? ` | cores: server ${step.cpu.server}${step.cpu.serverParts.length > 1 ? ` (web ${step.cpu.serverParts[0]}, worker ${step.cpu.serverParts[1]})` : ""} pg ${step.cpu.postgres} loadgen ${step.cpu.loadgen} other ${step.cpu.other} (irq ${step.cpu.irq}, steal ${step.cpu.steal}) idle ${step.cpu.idle}`
    : "";
  return `${step.name} c=${step.connections}: ${step.reqPerSec} req/s (${step.acceptedPerSec} ok/s), p50 ${step.latencyMs.p50} ms, p99 ${step.latencyMs.p99} ms, non-2xx ${step.non2xx}, errors ${step.errors} [${codes}]${cpu}`;
}
