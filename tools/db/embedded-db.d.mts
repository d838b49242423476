export function freePort(preferred?: number): Promise<number>;
export function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database?: string;
  fsyncOff?: boolean;
  log?: (message: string) => void;
}): Promise<{ url: string; adminUrl: string; port: number; stop: () => Promise<void> }>;
