import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { generateDemoData, Manifest } from './generate';
import { CsvTable, instantOf, isValidDate, offsetMatchesZone, readCsv } from './read-demo-files';

/** The import columns of interfaces.md, written out here independently of the generator. */
const EXPECTED_HEADERS: Record<string, string> = {
  sites: 'site_code,name,time_zone,holidays',
  teams: 'team_code,name,site_code,manager_email',
  campaigns: 'campaign_code,name,kind,client,site_code',
  agents:
    'employee_code,full_name,email,team_code,title,work_mode,hire_date,termination_date,' +
    'termination_type,termination_reason,hourly_rate,contract_hours',
  shifts:
    'shift_id,employee_code,start,end,kind,break_minutes,status,actual_start,actual_end,' +
    'send_home_reason',
  calls:
    'call_id,employee_code,campaign_code,channel,direction,started_at,queue_seconds,' +
    'talk_seconds,hold_seconds,wrap_seconds,outcome,sale_amount,hostile,qa_score,csat,customer_ref',
};

const ENUMS = {
  kind: ['inbound_support', 'outbound_sales', 'retention', 'tech_support', 'collections'],
  workMode: ['onsite', 'remote', 'hybrid'],
  terminationType: ['voluntary', 'involuntary'],
  shiftKind: ['regular', 'overtime', 'training'],
  shiftStatus: ['scheduled', 'worked', 'absent_unplanned', 'absent_excused', 'sent_home'],
  sendHome: ['goal_met', 'outage', 'low_volume'],
  channel: ['phone', 'chat', 'email'],
  direction: ['inbound', 'outbound'],
  outcome: ['resolved', 'unresolved', 'sale', 'save', 'escalated', 'transferred', 'abandoned'],
};

const OPTIONS = { agents: 20, months: 2, seed: 7, end: '2025-11-20' } as const;

describe('generateDemoData (20 agents × 2 months across the November 2025 DST changes)', () => {
  let dirA: string;
  let dirB: string;
  let manifest: Manifest;
  const files: Record<string, CsvTable> = {};

  beforeAll(async () => {
    dirA = mkdtempSync(join(tmpdir(), 'floorwise-gen-a-'));
    dirB = mkdtempSync(join(tmpdir(), 'floorwise-gen-b-'));
    manifest = await generateDemoData({ outDir: dirA, ...OPTIONS });
    await generateDemoData({ outDir: dirB, ...OPTIONS });
    for (const name of Object.keys(EXPECTED_HEADERS)) files[name] = readCsv(dirA, name);
  });

  afterAll(() => {
    rmSync(dirA, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
  });

  it('writes byte-identical files for the same seed, flags and end date', () => {
    const names = readdirSync(dirA).sort();
    expect(names).toEqual(
      [...Object.keys(EXPECTED_HEADERS).map((n) => `${n}.csv`), 'manifest.json'].sort(),
    );
    expect(readdirSync(dirB).sort()).toEqual(names);
    for (const name of names) {
      expect(readFileSync(join(dirB, name)).equals(readFileSync(join(dirA, name)))).toBe(true);
    }
  });

  it('writes the header of every file exactly as interfaces.md lists it', () => {
    for (const [name, header] of Object.entries(EXPECTED_HEADERS)) {
      const firstLine = readFileSync(join(dirA, `${name}.csv`), 'utf8').split('\n')[0];
      expect(firstLine).toBe(header);
    }
  });

  it('counts the rows of each file in the manifest', () => {
    for (const name of Object.keys(EXPECTED_HEADERS)) {
      expect(manifest.files[name as keyof Manifest['files']].rows).toBe(files[name].rows.length);
    }
    expect(files.calls.rows.length).toBeGreaterThan(20000);
  });

  it('writes sites with IANA zones and real, valid holiday dates', () => {
    const sites = files.sites.rows;
    expect(sites.map((s) => s.time_zone)).toEqual([
      'America/Chicago',
      'Europe/Istanbul',
      'Africa/Cairo',
      'Asia/Dhaka',
    ]);
    for (const site of sites) {
      expect(DateTime.local().setZone(site.time_zone).isValid).toBe(true);
      for (const day of site.holidays.split(';').filter(Boolean))
        expect(isValidDate(day)).toBe(true);
    }
    // Thanksgiving 2025 falls inside the window (and the 14 future days).
    expect(sites[0].holidays.split(';')).toContain('2025-11-27');
    expect(sites[0].name).toBe('Floorwise Chicago, IL');
  });

  it('links teams and campaigns to sites and gives every team a manager', () => {
    const siteCodes = new Set(files.sites.rows.map((s) => s.site_code));
    for (const team of files.teams.rows) {
      expect(siteCodes.has(team.site_code)).toBe(true);
      expect(team.manager_email).toMatch(/^manager(\.[a-z0-9-]+)?@floorwise\.local$/);
    }
    expect(files.teams.rows[0].manager_email).toBe('manager@floorwise.local');
    for (const campaign of files.campaigns.rows) {
      expect(ENUMS.kind).toContain(campaign.kind);
      expect(siteCodes.has(campaign.site_code)).toBe(true);
    }
  });

  it('writes agents with unique codes and emails, allowed values and consistent terminations', () => {
    const teamCodes = new Set(files.teams.rows.map((t) => t.team_code));
    const agents = files.agents.rows;
    expect(new Set(agents.map((a) => a.employee_code)).size).toBe(agents.length);
    expect(new Set(agents.map((a) => a.email)).size).toBe(agents.length);
    for (const a of agents) {
      expect(a.employee_code).toMatch(/^A\d{5}$/);
      expect(a.email).toBe(`${a.employee_code.toLowerCase()}@floorwise.local`);
      expect(teamCodes.has(a.team_code)).toBe(true);
      expect(ENUMS.workMode).toContain(a.work_mode);
      expect(isValidDate(a.hire_date)).toBe(true);
      expect(a.hourly_rate).toMatch(/^\d+\.\d{2}$/);
      expect(['20', '30', '40']).toContain(a.contract_hours);
      if (a.termination_date) {
        expect(isValidDate(a.termination_date)).toBe(true);
        expect(a.termination_date >= a.hire_date).toBe(true);
        expect(ENUMS.terminationType).toContain(a.termination_type);
        expect(a.termination_reason).not.toBe('');
      } else {
        expect(a.termination_type).toBe('');
        expect(a.termination_reason).toBe('');
      }
    }
    expect(agents.some((a) => [...a.full_name].some((ch) => ch.charCodeAt(0) > 127))).toBe(true);
  });

  it('writes shifts with unique ids, valid values and offsets of the site zone', () => {
    const zoneOf = agentZones(files);
    const ids = new Set<string>();
    const endOfHistory = DateTime.fromISO(OPTIONS.end, { zone: 'utc' }).plus({ days: 2 });
    for (const s of files.shifts.rows) {
      expect(ids.has(s.shift_id)).toBe(false);
      ids.add(s.shift_id);
      const zone = zoneOf.get(s.employee_code);
      expect(zone).toBeDefined();
      expect(ENUMS.shiftKind).toContain(s.kind);
      expect(ENUMS.shiftStatus).toContain(s.status);
      expect(Number(s.break_minutes)).toBeGreaterThanOrEqual(0);
      expect(instantOf(s.end)).toBeGreaterThan(instantOf(s.start));
      const hasActuals = s.status === 'worked' || s.status === 'sent_home';
      expect(s.actual_start !== '').toBe(hasActuals);
      expect(s.actual_end !== '').toBe(hasActuals);
      expect(s.send_home_reason !== '').toBe(s.status === 'sent_home');
      if (s.send_home_reason) expect(ENUMS.sendHome).toContain(s.send_home_reason);
      for (const iso of [s.start, s.end, s.actual_start, s.actual_end].filter(Boolean)) {
        expect(offsetMatchesZone(iso, zone as string)).toBe(true);
      }
      if (hasActuals) expect(instantOf(s.actual_end)).toBeGreaterThan(instantOf(s.actual_start));
      if (s.status === 'scheduled') {
        expect(instantOf(s.start) * 1000).toBeGreaterThan(endOfHistory.toMillis() - 3 * 86400e3);
      }
    }
    const statuses = new Set(files.shifts.rows.map((s) => s.status));
    expect([...statuses].sort()).toEqual([...ENUMS.shiftStatus].sort());
  });

  it('never overlaps two shifts of one agent, scheduled or actual', () => {
    const byAgent = new Map<string, { start: number; end: number }[]>();
    for (const s of files.shifts.rows) {
      const list = byAgent.get(s.employee_code) ?? [];
      list.push({
        start: Math.min(instantOf(s.start), s.actual_start ? instantOf(s.actual_start) : Infinity),
        end: Math.max(instantOf(s.end), s.actual_end ? instantOf(s.actual_end) : 0),
      });
      byAgent.set(s.employee_code, list);
    }
    for (const list of byAgent.values()) {
      list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < list.length; i++)
        expect(list[i].start).toBeGreaterThanOrEqual(list[i - 1].end);
    }
  });

  it('schedules shifts only while the agent is employed', () => {
    const agents = new Map(files.agents.rows.map((a) => [a.employee_code, a]));
    const zoneOf = agentZones(files);
    for (const s of files.shifts.rows) {
      const agent = agents.get(s.employee_code);
      const zone = zoneOf.get(s.employee_code) as string;
      const localDay = DateTime.fromSeconds(instantOf(s.start), { zone }).toISODate() as string;
      expect(localDay >= (agent?.hire_date ?? '')).toBe(true);
      if (agent?.termination_date) expect(localDay <= agent.termination_date).toBe(true);
    }
  });

  it('starts every answered call inside a worked shift of its agent; abandoned calls have none', () => {
    const worked = new Map<string, [number, number][]>();
    for (const s of files.shifts.rows) {
      if (!s.actual_start) continue;
      const list = worked.get(s.employee_code) ?? [];
      list.push([instantOf(s.actual_start), instantOf(s.actual_end)]);
      worked.set(s.employee_code, list);
    }
    const zoneOf = agentZones(files);
    const campaigns = new Map(files.campaigns.rows.map((c) => [c.campaign_code, c]));
    const siteZone = new Map(files.sites.rows.map((s) => [s.site_code, s.time_zone]));
    const ids = new Set<string>();
    const problems: string[] = [];
    const check = (ok: boolean, call: Record<string, string>, what: string) => {
      if (!ok && problems.length < 20) problems.push(`${call.call_id}: ${what}`);
    };
    let abandoned = 0;
    for (const c of files.calls.rows) {
      check(!ids.has(c.call_id), c, 'duplicate id');
      ids.add(c.call_id);
      const campaign = campaigns.get(c.campaign_code);
      check(campaign !== undefined, c, 'unknown campaign');
      check(ENUMS.channel.includes(c.channel), c, 'channel');
      check(ENUMS.direction.includes(c.direction), c, 'direction');
      check(ENUMS.outcome.includes(c.outcome), c, 'outcome');
      for (const f of ['queue_seconds', 'talk_seconds', 'hold_seconds', 'wrap_seconds']) {
        check(/^\d+$/.test(c[f]), c, f);
      }
      if (c.customer_ref) check(/^[1-9]\d{9,15}$/.test(c.customer_ref), c, 'customer_ref');
      const at = instantOf(c.started_at);
      if (c.employee_code === '') {
        abandoned++;
        check(c.outcome === 'abandoned', c, 'agentless call not abandoned');
        check(c.talk_seconds + c.hold_seconds + c.wrap_seconds === '000', c, 'abandoned durations');
        check(Number(c.queue_seconds) > 0, c, 'abandoned without wait');
        check(c.direction === 'inbound', c, 'abandoned outbound');
        check(c.hostile + c.qa_score + c.csat + c.sale_amount === '', c, 'abandoned with scores');
        const zone = siteZone.get(campaign?.site_code ?? '') as string;
        check(offsetMatchesZone(c.started_at, zone), c, 'offset of abandoned call');
        continue;
      }
      check(c.outcome !== 'abandoned', c, 'abandoned with an agent');
      check(offsetMatchesZone(c.started_at, zoneOf.get(c.employee_code) as string), c, 'offset');
      const shifts = worked.get(c.employee_code) ?? [];
      check(
        shifts.some(([from, to]) => at >= from && at <= to),
        c,
        "started outside the agent's worked shifts",
      );
      check(c.hostile === 'true' || c.hostile === 'false', c, 'hostile');
      if (c.qa_score) check(Number(c.qa_score) >= 0 && Number(c.qa_score) <= 100, c, 'qa_score');
      if (c.csat) check(/^[1-5]$/.test(c.csat), c, 'csat');
      check((c.sale_amount === '') === (c.outcome !== 'sale'), c, 'sale_amount');
      if (c.sale_amount) check(/^\d+\.\d{2}$/.test(c.sale_amount), c, 'sale_amount format');
      const kind = campaign?.kind;
      check(c.direction === (kind === 'outbound_sales' ? 'outbound' : 'inbound'), c, 'direction');
      if (c.outcome === 'save') check(kind === 'retention', c, 'save outside retention');
      if (c.outcome === 'sale') check(kind === 'outbound_sales', c, 'sale outside sales');
    }
    expect(problems).toEqual([]);
    expect(abandoned).toBeGreaterThan(0);
  });

  it('keeps correct offsets on shifts and calls that span a DST change', () => {
    // Chicago falls back at 2025-11-02 02:00 CDT; a night shift started the evening before ends in CST.
    const spanning = files.shifts.rows.filter(
      (s) => s.start.endsWith('-05:00') && s.end.endsWith('-06:00') && s.actual_start,
    );
    expect(spanning.length).toBeGreaterThan(0);
    const shift = spanning[0];
    const from = instantOf(shift.actual_start);
    const to = instantOf(shift.actual_end);
    const calls = files.calls.rows.filter(
      (c) =>
        c.employee_code === shift.employee_code &&
        instantOf(c.started_at) >= from &&
        instantOf(c.started_at) <= to,
    );
    const fallBack = DateTime.fromISO('2025-11-02T07:00:00Z').toMillis() / 1000;
    expect(
      calls.some((c) => c.started_at.endsWith('-05:00') && instantOf(c.started_at) < fallBack),
    ).toBe(true);
    expect(
      calls.some((c) => c.started_at.endsWith('-06:00') && instantOf(c.started_at) >= fallBack),
    ).toBe(true);
    // Elapsed time is what the shift plans: 8.5 or 9 hours, whatever the wall clock says.
    expect([510 * 60, 540 * 60]).toContain(instantOf(shift.end) - instantOf(shift.start));
  });

  it('writes NDJSON with the same field names and the same rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'floorwise-gen-nd-'));
    try {
      const nd = await generateDemoData({ outDir: dir, ...OPTIONS, format: 'ndjson' });
      expect(nd.files.calls.rows).toBe(manifest.files.calls.rows);
      const lines = readFileSync(join(dir, 'agents.ndjson'), 'utf8').trim().split('\n');
      const first = JSON.parse(lines[0]) as Record<string, unknown>;
      expect(first.employee_code).toBe(files.agents.rows[0].employee_code);
      expect(typeof first.hourly_rate).toBe('number');
      expect(Object.keys(first).every((k) => EXPECTED_HEADERS.agents.split(',').includes(k))).toBe(
        true,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function agentZones(files: Record<string, CsvTable>): Map<string, string> {
  const siteZone = new Map(files.sites.rows.map((s) => [s.site_code, s.time_zone]));
  const teamZone = new Map(files.teams.rows.map((t) => [t.team_code, siteZone.get(t.site_code)]));
  return new Map(
    files.agents.rows.map((a) => [a.employee_code, teamZone.get(a.team_code) as string]),
  );
}
