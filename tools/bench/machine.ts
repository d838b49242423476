import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg, totalmem } from 'node:os';
import { CHROMIUM, PSQL } from './bench-config';

export interface MachineFacts {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  psql: string | null;
  chromium: string | null;
  /** 1-minute load average when the facts were read (other work on the machine shows here). */
  loadAverage: number;
}

function run(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function machineFacts(): MachineFacts {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo);
  return {
    nproc: Number(run('nproc', []) ?? '0'),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: model ? model[1].trim() : 'unknown',
    node: process.version,
    psql: existsSync(PSQL) ? run(PSQL, ['--version']) : null,
    chromium: existsSync(CHROMIUM) ? run(CHROMIUM, ['--version']) : null,
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
  };
}
