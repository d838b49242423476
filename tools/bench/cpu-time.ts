import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PG_DIR } from './bench-config';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used. */
export function cpuSeconds(pid: number): number {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) / TICKS : Number.NaN;
}

/**
 * CPU milliseconds a process (or a PostgreSQL backend) has spent on a CPU, to the nanosecond
 * (/proc/<pid>/schedstat): for steps too short for the 10 ms ticks of `cpuSeconds`.
 */
export function cpuMsOnCpu(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

/**
 * CPU seconds used by the benchmark's PostgreSQL: the postmaster, its live children, and the
 * children that already ended (cutime/cstime of the postmaster).
 */
export function postgresCpuSeconds(): number {
  const pidFile = join(PG_DIR, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return Number.NaN;
  }
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const own = statFields(postmaster);
  if (!own) {
    return Number.NaN;
  }
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === postmaster) {
      ticks += Number(f[11]) + Number(f[12]);
    }
  }
  return ticks / TICKS;
}
