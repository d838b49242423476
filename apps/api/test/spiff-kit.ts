import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { SpiffCampaignDto, SpiffCampaignInput } from '@floorwise/contracts';
import { AppModule } from '../src/app/app.module';
import { configureApp } from '../src/app/configure-app';
import { SpiffEvaluator } from '../src/app/spiff/spiff-evaluator';
import type { TestApp } from './test-app';

/** A call as `POST /api/calls` takes it (interfaces.md), support line SUP by default. */
export interface CallSpec {
  id: string;
  agent: string;
  at: string;
  outcome?: string;
  sale?: string;
  qa?: number;
  csat?: number;
  campaign?: string;
}

export function callRecord(c: CallSpec): Record<string, unknown> {
  return {
    call_id: c.id,
    employee_code: c.agent,
    campaign_code: c.campaign ?? 'SUP',
    channel: 'phone',
    direction: 'inbound',
    started_at: c.at,
    queue_seconds: 5,
    talk_seconds: 240,
    hold_seconds: 0,
    wrap_seconds: 30,
    outcome: c.outcome ?? 'resolved',
    ...(c.sale !== undefined ? { sale_amount: c.sale } : {}),
    ...(c.qa !== undefined ? { qa_score: c.qa } : {}),
    ...(c.csat !== undefined ? { csat: c.csat } : {}),
  };
}

/** `n` calls of one agent a minute apart from `start` (ISO with offset), ids `<prefix>-<i>`. */
export function callsOf(
  agent: string,
  n: number,
  start: string,
  over: Partial<CallSpec> = {},
  prefix = agent,
): CallSpec[] {
  const t0 = Date.parse(start);
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${over.outcome ?? 'resolved'}-${t0 + i * 60_000}`,
    agent,
    at: new Date(t0 + i * 60_000).toISOString(),
    ...over,
  }));
}

export function evaluator(t: TestApp): SpiffEvaluator {
  return t.app.get(SpiffEvaluator);
}

/** Sends calls live as the admin and waits until SPIFF evaluation has caught up. */
export async function postCalls(t: TestApp, adminToken: string, calls: CallSpec[]): Promise<void> {
  for (let i = 0; i < calls.length; i += 1000) {
    const r = await t
      .http()
      .post('/api/calls')
      .set('Authorization', `Bearer ${adminToken}`)
      .send(calls.slice(i, i + 1000).map(callRecord));
    if (r.status !== 200) {
      throw new Error(`POST /api/calls: ${r.status} ${JSON.stringify(r.body)}`);
    }
  }
  await evaluator(t).whenIdle();
}

export async function createCampaign(
  t: TestApp,
  token: string,
  input: SpiffCampaignInput,
  launch = true,
): Promise<SpiffCampaignDto> {
  const r = await t
    .http()
    .post('/api/spiff/campaigns')
    .set('Authorization', `Bearer ${token}`)
    .send(input);
  if (r.status !== 201) {
    throw new Error(`create campaign: ${r.status} ${JSON.stringify(r.body)}`);
  }
  if (!launch) {
    return r.body;
  }
  const l = await t
    .http()
    .post(`/api/spiff/campaigns/${r.body.id}/launch`)
    .set('Authorization', `Bearer ${token}`);
  if (l.status !== 200) {
    throw new Error(`launch campaign: ${l.status} ${JSON.stringify(l.body)}`);
  }
  return l.body;
}

/** A second API process on the same database (its own evaluator queue and connection pool). */
export async function secondApi(
  t: TestApp,
): Promise<{ app: INestApplication; http: () => ReturnType<typeof request> }> {
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(t.env)],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureApp(app);
  await app.init();
  app.get(SpiffEvaluator).stopAutoClose();
  return { app, http: () => request(app.getHttpServer()) };
}

/** A local instant in Chicago (T1's site, UTC−6 in winter) for a local date and time. */
export const chi = (date: string, time = '10:00') => `${date}T${time}:00-06:00`;
/** A local instant in İstanbul (T2's site, UTC+3). */
export const ist = (date: string, time = '10:00') => `${date}T${time}:00+03:00`;
