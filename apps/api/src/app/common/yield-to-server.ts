/**
 * Lets the event loop turn (pending I/O and timers run) before going on: long computations call
 * it between slices so requests, streams and COPY data are not held behind them.
 */
export function yieldToServer(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
