import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Env, ENV } from '../../config/env';
import { CallWriter } from '../calls/call-writer';

interface ReplayCall {
  call_id: string;
  employee_code: string | null;
  campaign_code: string;
  channel: string;
  direction: string;
  started_at: Date;
  queue_seconds: number;
  talk_seconds: number;
  hold_seconds: number;
  wrap_seconds: number;
  outcome: string;
  sale_amount_cents: number | null;
  hostile: boolean;
  qa_score: number | null;
  csat: number | null;
  /** When the call ends at its replayed time (epoch ms): it is posted then. */
  due: number;
}

/**
 * Demo replay (docs/floor.md): the demo history ends yesterday, so to drive a believable live
 * floor this feeds today's calls through `POST /api/calls`'s own path (`CallWriter.writeLive`)
 * in real time. Today's calls are the agents' own calls of their most recent day with calls in
 * the two weeks before (read from the calls, so no shift history is needed), moved so that its
 * first call comes two minutes into today's shift, up to the shift's end; queue calls without an
 * agent (abandons) are last week's same weekday. Shifts whose calls are already stored (the
 * demo history ends yesterday, so yesterday's shifts are in it) are left as they are. Calls that
 * ended before start-up are posted at once; the rest as they end. Idempotent on call id (`<id>~<today>`), so a restart goes on.
 * On by default in the demo (`DEMO_DATA_DIR` set); `FLOOR_REPLAY=off` turns it off.
 */
@Injectable()
export class FloorReplayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FloorReplayService.name);
  private timer: NodeJS.Timeout | null = null;
  private queue: ReplayCall[] = [];
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly writer: CallWriter,
    @Inject(ENV) private readonly env: Env,
  ) {}

  static enabled(env: Env, flag = process.env['FLOOR_REPLAY']): boolean {
    if (flag !== undefined && !['on', 'off'].includes(flag)) {
      throw new Error(`FLOOR_REPLAY must be "on" or "off", got "${flag}"`);
    }
    return Boolean(env.DEMO_DATA_DIR) && flag !== 'off';
  }

  onApplicationBootstrap(): void {
    if (!FloorReplayService.enabled(this.env)) {
      return;
    }
    // the demo loads after the app starts: wait until today's shifts and some history are in
    // one check at a time: under load a check can take longer than the interval
    let checking = false;
    const wait = setInterval(() => {
      if (checking) return;
      checking = true;
      void this.prepare()
        .then((ready) => {
          if (ready && !this.stopped) {
            clearInterval(wait);
            this.timer = setInterval(() => void this.step(), 1000);
            this.timer.unref();
          }
        })
        .catch((e: unknown) => this.logger.warn(`demo replay not ready: ${(e as Error).message}`))
        .finally(() => {
          checking = false;
        });
    }, 5000);
    wait.unref();
    this.timer = wait;
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  private async prepare(): Promise<boolean> {
    if (this.stopped) return false;
    const [{ ready }]: { ready: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM shift WHERE start_at <= now() + interval '12 hours' AND end_at > now() - interval '12 hours')
          AND EXISTS (SELECT 1 FROM app_user) AS ready`,
    );
    if (!ready) return false;
    const rows: (Omit<ReplayCall, 'due'> & { shifted: Date })[] = await this.db.query(`
      WITH today AS (
        SELECT s.agent_id, s.start_at, s.end_at FROM shift s
        WHERE s.start_at < now() + interval '14 hours' AND s.end_at > now() - interval '14 hours'
          AND s.status IN ('scheduled', 'worked')
          -- a shift whose calls are already stored (the demo history's last day) is not replayed
          AND NOT EXISTS (
            SELECT 1 FROM calls c WHERE c.agent_id = s.agent_id
              AND c.started_at >= s.start_at AND c.started_at < s.end_at
              AND strpos(c.call_id, '~') = 0)
      ), source_day AS (
        -- the agent's most recent day with calls in the two weeks before (from the calls
        -- themselves: the shift history may not be loaded), its first call put two minutes
        -- into today's shift
        SELECT t.agent_id, t.start_at AS today_start, t.end_at AS today_end, d.local_date,
               (SELECT min(c.started_at) FROM calls c WHERE c.agent_id = t.agent_id
                  AND c.started_at >= d.local_date - interval '1 day' AND c.started_at < d.local_date + interval '2 days'
                  AND c.local_date = d.local_date) AS then_start
        FROM today t
        JOIN agent a ON a.id = t.agent_id JOIN team tm ON tm.id = a.team_id JOIN site si ON si.id = tm.site_id
        JOIN LATERAL (
          SELECT d.local_date FROM call_rollup_day d
          WHERE d.agent_id = t.agent_id
            AND d.local_date < (t.start_at AT TIME ZONE si.time_zone)::date
            AND d.local_date >= (t.start_at AT TIME ZONE si.time_zone)::date - 14
          GROUP BY d.local_date HAVING sum(d.answered) >= 5
          ORDER BY d.local_date DESC LIMIT 1
        ) d ON true
      )
      SELECT c.call_id || '~' || to_char(now(), 'YYYYMMDD') AS call_id, a.employee_code, cp.campaign_code, c.channel, c.direction,
             c.started_at + (sd.today_start + interval '2 minutes' - sd.then_start) AS started_at, c.queue_seconds,
             c.talk_seconds, c.hold_seconds, c.wrap_seconds, c.outcome, c.sale_amount_cents, c.hostile, c.qa_score, c.csat
      FROM source_day sd
      JOIN calls c ON c.agent_id = sd.agent_id AND c.local_date = sd.local_date
        AND c.started_at >= sd.local_date - interval '1 day' AND c.started_at < sd.local_date + interval '2 days'
        AND c.started_at + (sd.today_start + interval '2 minutes' - sd.then_start) < sd.today_end
      JOIN agent a ON a.id = c.agent_id JOIN campaign cp ON cp.id = c.campaign_id
      UNION ALL
      SELECT c.call_id || '~' || to_char(now(), 'YYYYMMDD'), NULL, cp.campaign_code, c.channel, c.direction,
             c.started_at + interval '7 days', c.queue_seconds, c.talk_seconds, c.hold_seconds, c.wrap_seconds, c.outcome,
             NULL, false, NULL, NULL
      FROM calls c JOIN campaign cp ON cp.id = c.campaign_id
      WHERE c.agent_id IS NULL AND c.started_at >= date_trunc('day', now()) - interval '7 days'
        AND c.started_at < date_trunc('day', now()) - interval '6 days'
        -- after the stored history's own abandons (it runs into today's first hours)
        AND c.started_at + interval '7 days' > coalesce(
          (SELECT max(h.started_at) FROM calls h
           WHERE h.agent_id IS NULL AND strpos(h.call_id, '~') = 0
             AND h.started_at > now() - interval '2 days'), '-infinity')`);
    const dayEnd = Date.now() + 14 * 3_600_000;
    this.queue = rows
      .map((r) => ({
        ...r,
        due:
          new Date(r.started_at).getTime() +
          1000 * (r.queue_seconds + r.talk_seconds + r.hold_seconds + r.wrap_seconds),
      }))
      .filter((r) => r.due <= dayEnd)
      .sort((a, b) => a.due - b.due);
    this.logger.log(`demo replay: ${this.queue.length} calls for today`);
    return true;
  }

  private busy = false;

  private async step(): Promise<void> {
    if (this.busy || this.stopped) return;
    this.busy = true;
    try {
      const now = Date.now();
      let n = 0;
      while (n < this.queue.length && this.queue[n].due <= now) n++;
      const due = this.queue.splice(0, n);
      for (let i = 0; i < due.length; i += 1000) {
        await this.writer.writeLive(due.slice(i, i + 1000).map(record));
      }
    } catch (e) {
      this.logger.warn(`demo replay step failed: ${(e as Error).message}`);
    } finally {
      this.busy = false;
    }
  }
}

function record(c: ReplayCall): Record<string, string | number | boolean | null> {
  return {
    call_id: c.call_id,
    employee_code: c.employee_code ?? '',
    campaign_code: c.campaign_code,
    channel: c.channel,
    direction: c.direction,
    started_at: new Date(c.started_at).toISOString(),
    queue_seconds: c.queue_seconds,
    talk_seconds: c.talk_seconds,
    hold_seconds: c.hold_seconds,
    wrap_seconds: c.wrap_seconds,
    outcome: c.outcome,
    sale_amount: c.sale_amount_cents === null ? null : (c.sale_amount_cents / 100).toFixed(2),
    hostile: c.hostile,
    qa_score: c.qa_score,
    csat: c.csat,
  };
}
