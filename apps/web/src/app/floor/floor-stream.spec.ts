import { EventSourceLike, openFloorStream } from './floor-stream';
import type { FloorMessage } from './floor-live';

/** A stand-in for the browser's EventSource: the test plays the server. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, fn: (e: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  opened(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, id: number, data: unknown): void {
    const e = { data: JSON.stringify(data), lastEventId: String(id) } as MessageEvent<string>;
    for (const fn of this.listeners.get(type) ?? []) fn(e);
  }
  /** The browser gave up on the connection (it will not retry by itself). */
  failed(): void {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
}

describe('openFloorStream', () => {
  let sources: FakeSource[];
  let messages: FloorMessage[];
  let states: boolean[];
  let close: () => void;

  beforeEach(() => {
    jest.useFakeTimers();
    sources = [];
    messages = [];
    states = [];
    close = openFloorStream(
      41,
      {
        message: (m) => messages.push(m),
        reset: () => undefined,
        state: (live) => states.push(live),
      },
      {
        staleMs: 40_000,
        retryMs: 2_000,
        open: (url) => {
          const s = new FakeSource(url);
          sources.push(s);
          return s;
        },
      },
    );
  });
  afterEach(() => {
    close();
    jest.useRealTimers();
  });

  it('opens after the snapshot event and passes messages on', () => {
    expect(sources.map((s) => s.url)).toEqual(['/api/floor/events?after=41']);
    sources[0].opened();
    sources[0].emit('floor', 42, { eventId: 42 });
    expect(messages).toEqual([{ eventId: 42 }]);
    expect(states).toEqual([true]);
  });

  it('opens a new connection after the last id received when the browser gives up', () => {
    sources[0].opened();
    sources[0].emit('floor', 42, { eventId: 42 });
    sources[0].emit('ping', 57, {});
    sources[0].failed();
    expect(states).toEqual([true, false]);
    jest.advanceTimersByTime(1_999);
    expect(sources).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
    expect(sources[1].url).toBe('/api/floor/events?after=57');
  });

  it('leaves a dropped connection the browser is retrying to the browser', () => {
    sources[0].opened();
    sources[0].readyState = 0; // CONNECTING: the browser resumes with Last-Event-ID itself
    sources[0].onerror?.(new Event('error'));
    jest.advanceTimersByTime(10_000);
    expect(sources).toHaveLength(1);
  });

  it('replaces a connection that went silent (no ping for 40 s) without losing its place', () => {
    sources[0].opened();
    sources[0].emit('floor', 50, { eventId: 50 });
    jest.advanceTimersByTime(39_000);
    expect(sources).toHaveLength(1);
    jest.advanceTimersByTime(6_000);
    expect(sources).toHaveLength(2);
    expect(sources[0].closed).toBe(true);
    expect(sources[1].url).toBe('/api/floor/events?after=50');
  });

  it('opens nothing more once closed', () => {
    sources[0].failed();
    close();
    jest.advanceTimersByTime(120_000);
    expect(sources).toHaveLength(1);
    expect(sources[0].closed).toBe(true);
  });
});
