#!/usr/bin/env node
/**
 * Re-derives a closed SPIFF campaign's draws from its revealed secret, independently of the
 * Floorwise code (node:crypto only), and compares them with what the campaign recorded.
 *
 *   node tools/scripts/spiff-rederive.mjs audit.json
 *   node tools/scripts/spiff-rederive.mjs --url http://127.0.0.1:3000 --token <admin token> --campaign 12
 *
 * audit.json is the answer of `GET /api/spiff/campaigns/:id/audit` (admins, after close). The
 * scheme (docs/spiff.md, metrics.md §7):
 *   key      = the 32 bytes whose hex is `secret`; SHA-256(key) must equal `secretSha256`
 *              (published when the campaign launched)
 *   x(msg)   = first 8 bytes of HMAC-SHA256(key, UTF-8 msg), unsigned big-endian
 *   pick     = slot floor(x × W ÷ 2^64) over the weights W, the first item whose running total
 *              of weights exceeds the slot
 *   spin / envelope i of agent a   msg "<a>:<i>", i = 1 … floor(units ÷ unitsPerX'), where
 *              unitsPerX' = max(1, ceil(unitsPerX × targetPercent ÷ 100)) (100 %: unitsPerX)
 *   lottery draw k                 msg "draw:<k>"; holders ordered by employee code, tickets
 *              floor(units ÷ unitsPerTicket') laid end to end; the winner leaves the drum
 *   contest  standings by units × 100 ÷ targetPercent (exact), ties share the prizes of their
 *            places, floored to the cent; team contests rank team totals
 * Exit code 0 when everything matches, 1 otherwise.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

function args() {
  const a = process.argv.slice(2);
  const get = (name) => {
    const i = a.indexOf(name);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const file = a[0] && !a[0].startsWith('--') ? a[0] : undefined;
  return { file, url: get('--url'), token: get('--token'), campaign: get('--campaign') };
}

const x64 = (key, message) =>
  BigInt(
    '0x' +
      createHmac('sha256', key).update(Buffer.from(message, 'utf8')).digest('hex').slice(0, 16),
  );

function pick(key, message, weights) {
  const total = weights.reduce((s, w) => s + BigInt(w), 0n);
  const slot = (x64(key, message) * total) >> 64n;
  let acc = 0n;
  for (let i = 0; i < weights.length; i++) {
    acc += BigInt(weights[i]);
    if (slot < acc) return { index: i, slot: Number(slot) };
  }
  throw new Error('slot out of range');
}

const scaled = (target, pct) =>
  pct === 100 ? target : Math.max(1, Math.ceil((target * pct) / 100 - 1e-9));

function contest(entrants, prizes, minUnits) {
  const ok = entrants.filter((e) => e.units >= scaled(minUnits, e.pct));
  const cmp = (a, b) => b.units * a.pct - a.units * b.pct;
  const out = new Map();
  for (const e of ok) {
    const higher = ok.filter((o) => cmp(e, o) > 0).length;
    const equal = ok.filter((o) => cmp(e, o) === 0).length;
    let pool = 0;
    for (let p = higher; p < higher + equal; p++) pool += prizes[p] ?? 0;
    out.set(e.code, Math.floor(pool / equal));
  }
  return out;
}

async function load() {
  const { file, url, token, campaign } = args();
  if (url && token && campaign) {
    const r = await fetch(`${url.replace(/\/$/, '')}/api/spiff/campaigns/${campaign}/audit`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (r.status !== 200) throw new Error(`GET audit: ${r.status} ${await r.text()}`);
    return r.json();
  }
  if (!file) {
    throw new Error(
      'usage: spiff-rederive.mjs audit.json | --url <base> --token <admin token> --campaign <id>',
    );
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

let audit;
try {
  audit = await load();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exit(2);
}
const key = Buffer.from(audit.secret, 'hex');
const problems = [];
let checked = 0;
if (key.length !== 32) problems.push('the secret is not 32 bytes of hex');
if (createHash('sha256').update(key).digest('hex') !== audit.secretSha256) {
  problems.push('SHA-256 of the secret does not match the commitment published at launch');
}
const rule = audit.rule;
if (rule.type === 'prize_wheel' || rule.type === 'mystery_envelope') {
  const per = rule.type === 'prize_wheel' ? rule.unitsPerSpin : rule.unitsPerEnvelope;
  const items = rule.type === 'prize_wheel' ? rule.slices : rule.amounts;
  for (const e of audit.entrants) {
    const n = Math.floor(e.units / scaled(per, e.targetPercent));
    if (e.draws.length !== n)
      problems.push(`${e.employeeCode}: ${e.draws.length} draws recorded, ${n} earned`);
    for (let i = 1; i <= n; i++) {
      const { index } = pick(
        key,
        `${e.employeeCode}:${i}`,
        items.map((s) => s.weight),
      );
      const d = e.draws.find((x) => x.draw === i);
      checked++;
      if (!d || d.index !== index || d.amountCents !== items[index].amountCents) {
        problems.push(
          `${e.employeeCode} draw ${i}: recorded ${d ? `${d.index} (${d.amountCents} ¢)` : 'nothing'}, derived ${index} (${items[index].amountCents} ¢)`,
        );
      }
    }
  }
} else if (rule.type === 'lottery') {
  let drum = audit.entrants
    .map((e) => ({
      code: e.employeeCode,
      tickets: Math.floor(e.units / scaled(rule.unitsPerTicket, e.targetPercent)),
    }))
    .filter((e) => e.tickets > 0)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const recorded = audit.result?.winners ?? [];
  for (let k = 1; k <= rule.prizes.length && drum.length > 0; k++) {
    const { index, slot } = pick(
      key,
      `draw:${k}`,
      drum.map((d) => d.tickets),
    );
    const w = recorded.find((x) => x.draw === k);
    checked++;
    if (!w || w.code !== drum[index].code || w.ticket !== slot) {
      problems.push(
        `lottery draw ${k}: recorded ${w ? `${w.code} (ticket ${w.ticket})` : 'nothing'}, derived ${drum[index].code} (ticket ${slot})`,
      );
    }
    drum = drum.filter((_, i) => i !== index);
  }
  if (recorded.length !== checked)
    problems.push(`${recorded.length} winners recorded, ${checked} derived`);
} else if (rule.type === 'contest') {
  let entrants = audit.entrants.map((e) => ({
    code: e.employeeCode,
    units: e.units,
    pct: e.targetPercent,
    team: e.teamCode,
  }));
  if (rule.scope === 'team') {
    const byTeam = new Map();
    for (const e of entrants.filter((x) => x.units > 0))
      byTeam.set(e.team, (byTeam.get(e.team) ?? 0) + e.units);
    entrants = [...byTeam].map(([code, units]) => ({ code, units, pct: 100 }));
  }
  const derived = contest(entrants, rule.prizes, rule.minUnits);
  for (const s of audit.result?.standings ?? []) {
    checked++;
    if (derived.get(s.code) !== s.prizeCents)
      problems.push(
        `contest ${s.code}: recorded ${s.prizeCents} ¢, derived ${derived.get(s.code)} ¢`,
      );
  }
  if ((audit.result?.standings ?? []).length !== derived.size)
    problems.push(
      `${derived.size} entrants ranked by the rule, ${(audit.result?.standings ?? []).length} recorded`,
    );
}
if (problems.length > 0) {
  process.stdout.write(
    `MISMATCH in campaign ${audit.campaignId} (${audit.name}):\n  ${problems.join('\n  ')}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `OK: campaign ${audit.campaignId} (${audit.name}, ${rule.type}) — ${checked} draws/places re-derived from the secret, all match\n`,
);
