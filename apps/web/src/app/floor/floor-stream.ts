import type { FloorSnapshot } from '@floorwise/contracts';
import type { FloorMessage } from './floor-live';

export interface FloorStreamHandlers {
  message: (m: FloorMessage) => void;
  reset: () => void;
  state: (live: boolean) => void;
}

/** What the stream needs of the browser's `EventSource` (a test passes a stand-in). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((e: Event) => void) | null;
  onerror: ((e: Event) => void) | null;
  addEventListener(type: string, fn: (e: MessageEvent<string>) => void): void;
  close(): void;
}

export interface FloorStreamOptions {
  /** Nothing heard for this long (the server pings every 15 s): the connection is dead. */
  staleMs?: number;
  /** Wait before opening a new connection after the browser gave up on one. */
  retryMs?: number;
  open?: (url: string) => EventSourceLike;
}

const CLOSED = 2; // EventSource.CLOSED

/**
 * Opens the floor's server-sent events after `eventId` (the snapshot's) and keeps them open.
 * The browser resumes a dropped connection by itself, sending `Last-Event-ID`; when it gives up
 * (the connection failed rather than dropped) or the connection goes silent — a half-open TCP
 * connection after a network change shows no error — a new one is opened `?after=` the last
 * id received, so nothing is lost either way. A `reset` means the server no longer holds what
 * came after, so the caller reloads its snapshot.
 */
export function openFloorStream(
  eventId: number,
  on: FloorStreamHandlers,
  opts: FloorStreamOptions = {},
): () => void {
  const staleMs = opts.staleMs ?? 40_000;
  const retryMs = opts.retryMs ?? 2_000;
  const open =
    opts.open ??
    ((url: string) => new EventSource(url, { withCredentials: true }) as EventSourceLike);
  let last = eventId;
  let heard = Date.now();
  let source: EventSourceLike | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const seen = (e: MessageEvent<string>) => {
    heard = Date.now();
    const id = Number(e.lastEventId);
    if (e.lastEventId && Number.isFinite(id) && id > last) last = id;
  };
  const connect = () => {
    if (closed) return;
    source?.close();
    heard = Date.now();
    const s = open(`/api/floor/events?after=${last}`);
    source = s;
    s.addEventListener('floor', (e) => {
      seen(e);
      on.message(JSON.parse(e.data) as FloorMessage);
    });
    s.addEventListener('ping', seen);
    s.addEventListener('reset', (e) => {
      seen(e);
      on.reset();
    });
    s.onopen = () => {
      heard = Date.now();
      on.state(true);
    };
    s.onerror = () => {
      on.state(false);
      if (s === source && s.readyState === CLOSED && !closed && retry === null) {
        retry = setTimeout(() => {
          retry = null;
          connect();
        }, retryMs);
      }
    };
  };
  const watchdog = setInterval(
    () => {
      if (!closed && retry === null && Date.now() - heard > staleMs) {
        on.state(false);
        connect();
      }
    },
    Math.min(5_000, staleMs),
  );
  connect();
  return () => {
    closed = true;
    clearInterval(watchdog);
    if (retry !== null) clearTimeout(retry);
    source?.close();
  };
}

export type { FloorSnapshot };
