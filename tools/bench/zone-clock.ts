/**
 * Micro-benchmark of the shared ZoneClock (libs/analytics/src/lib/dates/zone-clock.ts) on the
 * calls import's hot path: local date (and 15-minute slot) of N instants over a few zones, two
 * months around the March/April 2026 DST changes (Chicago, London, Lord Howe; Dhaka and Cairo
 * without one then), mostly in time order with up to 2 h of jitter, as an import file is.
 *
 *   npx tsx tools/bench/zone-clock.ts [N]   (default 2,000,000)
 */
import { ZoneClock } from '../../libs/analytics/src/lib/dates/zone-clock';
import { localSlot } from '../../apps/api/src/app/calls/local-slot';

const ZONES = [
  'America/Chicago',
  'Australia/Lord_Howe',
  'Asia/Dhaka',
  'Africa/Cairo',
  'Europe/London',
];
const N = Number(process.argv[2] ?? 2_000_000);
const from = Date.UTC(2026, 2, 1);
const span = 61 * 86_400_000;
const ms = new Float64Array(N);
const zi = new Uint8Array(N);
let seed = 12345;
for (let i = 0; i < N; i++) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  ms[i] = Math.floor(from + (i / N) * span + (seed % 7_200_000));
  zi[i] = seed % ZONES.length;
}

function run(name: string, f: () => number): void {
  f(); // warm up (and build the year tables)
  const times: number[] = [];
  let check = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    check = f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(40)} median ${times[2].toFixed(1)} ms  min ${times[0].toFixed(1)} ms  (check ${check})`,
  );
}

// a module-local copy, as call-chunk.ts keeps (an imported binding is a getter once bundled)
const slotOf = localSlot;
const clocks = ZONES.map((z) => ZoneClock.of(z));
const out = { localDay: 0, localMinute: 0 };
console.log(`${N.toLocaleString('en-US')} instants, zones ${ZONES.join(', ')}`);
run('localSlot (calls import: day + slot)', () => {
  let s = 0;
  for (let i = 0; i < N; i++) {
    slotOf(clocks[zi[i]], ms[i], out);
    s += out.localDay + out.localMinute;
  }
  return s;
});
run('ZoneClock.localDayNumber', () => {
  let s = 0;
  for (let i = 0; i < N; i++) {
    s += clocks[zi[i]].localDayNumber(ms[i]);
  }
  return s;
});
run('ZoneClock.localDate (YYYY-MM-DD)', () => {
  let s = 0;
  for (let i = 0; i < N; i++) {
    s += clocks[zi[i]].localDate(ms[i]).length;
  }
  return s;
});
