/**
 * Everything the benchmark starts (the API, PostgreSQL, a browser) registers how to stop it here,
 * so a failure or Ctrl-C still stops it, newest first.
 */
type Stopper = () => Promise<void>;

const stoppers: { name: string; stop: Stopper }[] = [];
let installed = false;

export function onCleanup(name: string, stop: Stopper): () => Promise<void> {
  const entry = { name, stop };
  stoppers.push(entry);
  installSignalHandlers();
  return async () => {
    const i = stoppers.indexOf(entry);
    if (i !== -1) {
      stoppers.splice(i, 1);
      await entry.stop();
    }
  };
}

export async function cleanupAll(): Promise<void> {
  while (stoppers.length > 0) {
    const entry = stoppers.pop();
    if (!entry) {
      break;
    }
    try {
      await entry.stop();
    } catch (e) {
      process.stderr.write(`[bench] could not stop ${entry.name}: ${(e as Error).message}\n`);
    }
  }
}

function installSignalHandlers(): void {
  if (installed) {
    return;
  }
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`[bench] ${signal}: stopping what the benchmark started…\n`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}
