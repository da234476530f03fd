// CPU accounting: who used the 2 cores during a step (the server under test,
// PostgreSQL, the load generator, anything else on the machine), from /proc.
import fs from "node:fs";
import { sleep } from "./settings";

/** A step where other processes used more cores than this is marked as disturbed. */
export const QUIET_CORES = 0.3;
const CLK_TCK = 100;

type ProcTicks = { pgrp: number; postgres: boolean; ticks: number };
type CpuSnapshot = { at: number; total: number; idle: number; steal: number; irq: number; procs: Map<string, ProcTicks>; self: number };

function readProcStat(pid: string): ProcTicks | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ");
    // fields[0] is state (field 3); pgrp is field 5, utime 14, stime 15.
    return { pgrp: Number(fields[2]), postgres: comm === "postgres", ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

export function cpuSnapshot(): CpuSnapshot {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = line[3] + line[4]; // idle + iowait
  const irq = line[5] + line[6]; // irq + softirq (loopback networking, disk completions)
  const steal = line[7]; // taken by the hypervisor for other guests
  const procs = new Map<string, ProcTicks>();
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readProcStat(pid);
    if (stat) procs.set(pid, stat);
  }
  const usage = process.cpuUsage();
  return { at: Date.now(), total, idle, steal, irq, procs, self: (usage.user + usage.system) / 1e6 };
}

/** Cores: the server's process group, PostgreSQL, this process (autocannon), everything else
 *  (other processes, kernel interrupt work, hypervisor steal; irq and steal also apart), idle. */
export type CpuUse = {
  server: number;
  /** The server's cores per process group (web, then the email worker when it runs apart). */
  serverParts: number[];
  postgres: number;
  loadgen: number;
  other: number;
  irq: number;
  steal: number;
  idle: number;
};

/** Average cores used between two snapshots (2.0 = both cores busy). Per process: a process
 *  that started meanwhile counts from 0; one that ended meanwhile is lost (falls into "other"). */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot, serverPgids: number[] = []): CpuUse {
  const seconds = (b.at - a.at) / 1000;
  const cores = (ticks: number) => ticks / CLK_TCK / seconds;
  const busy = cores(b.total - b.idle - (a.total - a.idle));
  let serverTicks = 0;
  const partTicks = serverPgids.map(() => 0);
  let postgresTicks = 0;
  for (const [pid, now] of b.procs) {
    const before = a.procs.get(pid);
    const delta = before && before.pgrp === now.pgrp ? Math.max(0, now.ticks - before.ticks) : now.ticks;
    const part = serverPgids.indexOf(now.pgrp);
    if (part >= 0) {
      serverTicks += delta;
      partTicks[part] += delta;
    }
    else if (now.postgres) postgresTicks += delta;
  }
  const server = cores(serverTicks);
  const postgresCores = cores(postgresTicks);
  const loadgen = (b.self - a.self) / seconds;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    server: round(server),
    serverParts: partTicks.map((t) => round(cores(t))),
    postgres: round(postgresCores),
    loadgen: round(loadgen),
    other: round(Math.max(0, busy - server - postgresCores - loadgen)),
    irq: round(cores(b.irq - a.irq)),
    steal: round(cores(b.steal - a.steal)),
    idle: round(cores(b.idle - a.idle)),
  };
}

/** Cores used by everything else over 3 s. */
export async function othersBusy(): Promise<number> {
  const a = cpuSnapshot();
  await sleep(3000);
  const use = cpuBetween(a, cpuSnapshot());
  return Math.round((use.postgres + use.other) * 100) / 100;
}
