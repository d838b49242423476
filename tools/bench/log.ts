const started = Date.now();

/** Progress on stderr, with the seconds since the benchmark started. */
export function log(message: string): void {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${s} s] ${message}\n`);
}
