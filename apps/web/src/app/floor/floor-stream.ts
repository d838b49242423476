import type { FloorSnapshot } from '@floorwise/contracts';
import type { FloorMessage } from './floor-live';

/**
 * Opens the floor's server-sent events after `eventId` (the snapshot's). The browser resumes a
 * dropped connection by itself, sending `Last-Event-ID`; a `reset` means the server no longer
 * holds what came after, so the caller reloads its snapshot.
 */
export function openFloorStream(
  eventId: number,
  on: { message: (m: FloorMessage) => void; reset: () => void; state: (live: boolean) => void },
): () => void {
  const source = new EventSource(`/api/floor/events?after=${eventId}`, { withCredentials: true });
  source.addEventListener('floor', (e) =>
    on.message(JSON.parse((e as MessageEvent<string>).data) as FloorMessage),
  );
  source.addEventListener('reset', () => on.reset());
  source.onopen = () => on.state(true);
  source.onerror = () => on.state(false);
  return () => source.close();
}

export type { FloorSnapshot };
