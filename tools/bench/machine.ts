import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { CHROMIUM, PSQL } from './bench-config';

export interface MachineFacts {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  psql: string | null;
  chromium: string | null;
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
  };
}
