import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertPwc, DEFAULT_PWC_OPTIONS, PWC_COLUMNS, PwcImportFiles } from './pwc-call-centre';

const USAGE =
  'usage: npx tsx tools/convert/cli.ts pwc <file.csv> --out <dir> [--time-zone UTC] ' +
  '[--abandon-wait 0] [--hourly-rate 15.81]';

async function readRecords(file: string): Promise<Record<string, string>[]> {
  const parser = createReadStream(file).pipe(parse({ bom: true, columns: true, trim: false }));
  const records: Record<string, string>[] = [];
  let checked = false;
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    if (!checked) {
      const missing = PWC_COLUMNS.filter((c) => !(c in record));
      if (missing.length > 0) {
        throw new Error(`${file} is not the PwC calls file: no column ${missing.join(', ')}`);
      }
      checked = true;
    }
    records.push(record);
  }
  return records;
}

async function main(argv: string[]): Promise<void> {
  const [source, file, ...rest] = argv;
  if (source !== 'pwc' || !file) {
    throw new Error(USAGE);
  }
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    if (!rest[i].startsWith('--') || rest[i + 1] === undefined) {
      throw new Error(`unexpected argument ${rest[i]}\n${USAGE}`);
    }
    flags.set(rest[i].slice(2), rest[i + 1]);
  }
  for (const k of flags.keys()) {
    if (!['out', 'time-zone', 'abandon-wait', 'hourly-rate'].includes(k)) {
      throw new Error(`unknown option --${k}\n${USAGE}`);
    }
  }
  const out = flags.get('out');
  if (!out) {
    throw new Error(`--out <dir> is required\n${USAGE}`);
  }
  const wait = flags.get('abandon-wait') ?? String(DEFAULT_PWC_OPTIONS.abandonWaitSeconds);
  if (!/^\d+$/.test(wait)) {
    throw new Error(`--abandon-wait must be whole seconds, got ${wait}`);
  }
  const files: PwcImportFiles = convertPwc(await readRecords(file), {
    timeZone: flags.get('time-zone') ?? DEFAULT_PWC_OPTIONS.timeZone,
    abandonWaitSeconds: Number(wait),
    hourlyRate: flags.get('hourly-rate') ?? DEFAULT_PWC_OPTIONS.hourlyRate,
  });
  mkdirSync(out, { recursive: true });
  for (const [kind, table] of Object.entries(files)) {
    writeFileSync(join(out, `${kind}.csv`), stringify([table.header, ...table.rows]));
    process.stdout.write(`${kind}.csv: ${table.rows.length} rows\n`);
  }
  process.stdout.write(
    `Import them in this order: sites, teams, campaigns, agents, calls (POST /api/imports/<kind>).\n`,
  );
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
