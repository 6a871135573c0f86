import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in USER_HZ ticks, which is 100 on every architecture Node runs on. */
const TICK_MS = 10;

export interface CpuSnapshot {
  /** Per pid: its group and the CPU milliseconds (user + system) it has used. */
  byPid: Map<string, { group: string; ms: number }>;
  /** The whole machine: busy and total milliseconds summed over all cores. */
  machineBusyMs: number;
  machineTotalMs: number;
}

export type ProcessGroup = (pid: number, comm: string) => string;

function processTimes(pid: string): { comm: string; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3.
    return { comm: stat.slice(stat.indexOf('(') + 1, close), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/** CPU milliseconds (user + system) one process has used so far; 0 once it has gone. */
export function processCpuMs(pid: number | undefined): number {
  return pid === undefined ? 0 : (processTimes(String(pid))?.ms ?? 0);
}

/**
 * CPU time used so far by every process, with its group, read from /proc. A process
 * that exits between two snapshots drops out of the difference, so short-lived ones are
 * missed; workers and the server backends of pooled connections are not. Null where there
 * is no /proc.
 */
export function snapshotCpu(group: ProcessGroup): CpuSnapshot | null {
  let cpuLine: string;
  try {
    cpuLine = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  } catch {
    return null;
  }
  const jiffies = cpuLine.trim().split(/\s+/).slice(1).map(Number);
  const idle = (jiffies[3] ?? 0) + (jiffies[4] ?? 0);
  const total = jiffies.reduce((a, b) => a + b, 0);
  const byPid = new Map<string, { group: string; ms: number }>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const times = processTimes(pid);
    if (times) byPid.set(pid, { group: group(Number(pid), times.comm), ms: times.ms });
  }
  return { byPid, machineBusyMs: (total - idle) * TICK_MS, machineTotalMs: total * TICK_MS };
}

export interface CpuUsage {
  /** CPU milliseconds per group between the two snapshots, largest first. */
  groups: { group: string; ms: number }[];
  /** Share of all cores that were busy, 0..1. */
  machineBusy: number;
}

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUsage {
  const groups = new Map<string, number>();
  for (const [pid, { group, ms }] of after.byPid) {
    // A process born between the snapshots (a pooled connection's backend) spent all its time in between.
    const earlier = before.byPid.get(pid)?.ms ?? 0;
    groups.set(group, (groups.get(group) ?? 0) + ms - earlier);
  }
  const total = after.machineTotalMs - before.machineTotalMs;
  return {
    groups: [...groups].map(([group, ms]) => ({ group, ms })).sort((a, b) => b.ms - a.ms),
    machineBusy: total > 0 ? (after.machineBusyMs - before.machineBusyMs) / total : 0,
  };
}
