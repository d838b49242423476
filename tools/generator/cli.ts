import { generateDemoData, GenerateOptions } from './generate';

const USAGE =
  'usage: npx tsx tools/generator/cli.ts --out <dir> [--agents 150] [--months 12] [--seed 42] ' +
  '[--end YYYY-MM-DD] [--format csv|ndjson] [--quiet]';

function parseArgs(argv: string[]): GenerateOptions & { quiet: boolean } {
  const values = new Map<string, string>();
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg === '--quiet') {
      quiet = true;
      continue;
    }
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument ${arg}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    values.set(match[1], value);
  }
  const known = new Set(['out', 'agents', 'months', 'seed', 'end', 'format']);
  for (const key of values.keys()) if (!known.has(key)) throw new Error(`unknown option --${key}`);
  const out = values.get('out');
  if (!out) throw new Error('--out <dir> is required');
  const int = (key: string): number | undefined => {
    const raw = values.get(key);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw)) throw new Error(`--${key} must be a whole number, got ${raw}`);
    return Number(raw);
  };
  const format = values.get('format');
  if (format !== undefined && format !== 'csv' && format !== 'ndjson') {
    throw new Error(`--format must be csv or ndjson, got ${format}`);
  }
  return {
    outDir: out,
    agents: int('agents'),
    months: int('months'),
    seed: int('seed'),
    end: values.get('end'),
    format,
    quiet,
  };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const manifest = await generateDemoData({
    ...options,
    onProgress: options.quiet ? undefined : (line) => console.error(line),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rows = Object.entries(manifest.files)
    .map(([name, f]) => `${name} ${f.rows}`)
    .join(', ');
  console.log(
    `wrote ${options.outDir} (${manifest.parameters.windowStart} → ${manifest.parameters.windowEnd}) ` +
      `in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU): ${rows}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
