import http from 'node:http';

export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
  /** performance.now() when the message's last line arrived. */
  at: number;
}

/** A minimal server-sent-events client for tests and the bench: records every message. */
export class SseClient {
  readonly messages: SseMessage[] = [];
  private req: http.ClientRequest | null = null;
  private waiters: { test: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }[] = [];
  status = 0;

  static open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const c = new SseClient();
    return new Promise((resolve, reject) => {
      c.req = http.get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
        c.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const m: SseMessage = { id: null, event: 'message', data: '', at: performance.now() };
            let has = false;
            for (const line of block.split('\n')) {
              const k = line.indexOf(':');
              const field = k < 0 ? line : line.slice(0, k);
              const value = k < 0 ? '' : line.slice(k + 1).replace(/^ /, '');
              if (field === 'id') m.id = value;
              else if (field === 'event') m.event = value;
              else if (field === 'data') {
                m.data += (has ? '\n' : '') + value;
                has = true;
              }
            }
            if (has) {
              c.messages.push(m);
              c.waiters = c.waiters.filter((w) => (w.test(m) ? (w.resolve(m), false) : true));
            }
          }
        });
        resolve(c);
      });
      c.req.on('error', (e) => (c.status === 0 ? reject(e) : undefined));
    });
  }

  /** Resolves with the first message (already received or coming) that passes `test`. */
  next(test: (m: SseMessage) => boolean, timeoutMs = 5000): Promise<SseMessage> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('no such server-sent event in time')),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  get lastEventId(): string | null {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      if (this.messages[i].id !== null) return this.messages[i].id;
    }
    return null;
  }

  close(): void {
    this.req?.destroy();
  }
}
