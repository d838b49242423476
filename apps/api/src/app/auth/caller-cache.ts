import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Env, ENV } from '../../config/env';
import { AUTH_CHANGED_CHANNEL } from '../../database/migrations/1765000000000-auth-changed';
import type { AuthUser } from './auth-user';

/** A cached caller is re-read from the database at least this often, notified or not. */
export const CALLER_TTL_MS = 10_000;
/** Tokens held at most; the oldest go first. */
export const CALLER_CACHE_SIZE = 5_000;

interface Entry {
  user: AuthUser;
  /** Epoch ms after which the entry is not used: the TTL, or the token's expiry if sooner. */
  until: number;
}

/**
 * The callers of recent tokens, so an authenticated request costs no query (docs/security.md
 * "Sessions"). Correct because every change that could alter a caller — a user's role, password,
 * disabling or agent link, an agent's team or code, a team's manager — fires a statement trigger
 * that NOTIFYs every API process, which empties its cache on the notification; the process that
 * made a change through the API empties its own at once (`clear()` after the commit). While the
 * notification connection is down nothing is cached, and an entry lives at most
 * {@link CALLER_TTL_MS} whatever happens.
 */
@Injectable()
export class CallerCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CallerCache.name);
  private readonly entries = new Map<string, Entry>();
  private listener: Client | null = null;
  private closed = false;
  private gen = 0;

  constructor(@Inject(ENV) private readonly env: Env) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.clear();
    await this.listener?.end().catch(() => undefined);
  }

  /** Whether entries are being kept (the notification connection is up). */
  get active(): boolean {
    return this.listener !== null;
  }

  /**
   * The cache's generation: read it before reading a caller from the database and pass it to
   * {@link set}, so a caller read just before a change (whose notification emptied the cache
   * meanwhile) is not kept.
   */
  get generation(): number {
    return this.gen;
  }

  get(token: string, nowMs = Date.now()): AuthUser | null {
    const e = this.entries.get(token);
    if (!e) return null;
    if (nowMs >= e.until || !this.active) {
      this.entries.delete(token);
      return null;
    }
    return e.user;
  }

  /** Keeps `user` for `token` until the TTL or `expiresAtMs` (the token's own expiry), if sooner. */
  set(
    token: string,
    user: AuthUser,
    expiresAtMs: number,
    generation: number,
    nowMs = Date.now(),
  ): void {
    if (!this.active || generation !== this.gen) return;
    if (this.entries.size >= CALLER_CACHE_SIZE) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    // shared by every request of the token: frozen, so no handler can change another's caller
    if (Array.isArray(user.teamIds)) Object.freeze(user.teamIds);
    Object.freeze(user);
    this.entries.set(token, { user, until: Math.min(nowMs + CALLER_TTL_MS, expiresAtMs) });
  }

  /** Forgets every caller (a user, agent or team changed). */
  clear(): void {
    this.gen += 1;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.env.DATABASE_URL });
    let down = false;
    const lost = () => {
      if (down) return;
      down = true;
      if (this.listener === client) this.listener = null;
      this.clear();
      void client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.listen(), 2_000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.clear());
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANGED_CHANNEL}`);
      this.clear();
      this.listener = client;
    } catch (e) {
      if (!this.closed) {
        this.logger.warn(`caller cache off (no notification connection): ${(e as Error).message}`);
      }
      lost();
    }
  }
}
