import type { SpiffAwardDto, SpiffAwardStatus, SpiffDisputeDto } from '@floorwise/contracts';

/** The columns of an award as every list reads them (`w` award, `s` campaign, `a` agent, `t` team). */
export const AWARD_SELECT = `
SELECT w.id::text AS id, w.campaign_id, s.name AS campaign_name, a.employee_code, a.full_name,
  t.team_code, w.kind, w.amount_cents::text AS amount_cents, w.status, w.earned_on::text AS earned_on,
  w.occurred_at, w.call_id, w.units_at::text AS units_at, w.detail, w.created_at,
  w.approved_at, ua.email AS approved_by, w.approved_on::text AS approved_on,
  w.paid_at, up.email AS paid_by, w.voided_at, uv.email AS voided_by, w.void_reason,
  (d.award_id IS NOT NULL AND d.revealed_at IS NULL) AS hidden,
  (SELECT row_to_json(x) FROM (
     SELECT p.id::text AS id, p.comment, p.status, p.outcome, p.resolution, ur.email AS resolved_by,
       p.resolved_at, p.adjustment_award_id::text AS adjustment_award_id, p.created_at
     FROM spiff_dispute p LEFT JOIN app_user ur ON ur.id = p.resolved_by
     WHERE p.award_id = w.id ORDER BY p.created_at DESC, p.id DESC LIMIT 1) x) AS dispute
FROM spiff_award w
JOIN spiff_campaign s ON s.id = w.campaign_id
JOIN agent a ON a.id = w.agent_id
JOIN team t ON t.id = a.team_id
LEFT JOIN spiff_draw d ON d.award_id = w.id
LEFT JOIN app_user ua ON ua.id = w.approved_by
LEFT JOIN app_user up ON up.id = w.paid_by
LEFT JOIN app_user uv ON uv.id = w.voided_by`;

export interface AwardRow {
  id: string;
  campaign_id: number;
  campaign_name: string;
  employee_code: string;
  full_name: string;
  team_code: string;
  kind: SpiffAwardDto['kind'];
  amount_cents: string;
  status: SpiffAwardStatus;
  earned_on: string;
  occurred_at: Date | null;
  call_id: string | null;
  units_at: string;
  detail: Record<string, unknown>;
  created_at: Date;
  approved_at: Date | null;
  approved_by: string | null;
  approved_on: string | null;
  paid_at: Date | null;
  paid_by: string | null;
  voided_at: Date | null;
  voided_by: string | null;
  void_reason: string | null;
  hidden: boolean;
  dispute: {
    id: string;
    comment: string;
    status: 'open' | 'resolved';
    outcome: 'upheld' | 'rejected' | null;
    resolution: string | null;
    resolved_by: string | null;
    resolved_at: string | null;
    adjustment_award_id: string | null;
    created_at: string;
  } | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isoText = (d: string | null) => (d ? new Date(d).toISOString() : null);

/**
 * An award row as its DTO. `forAgent`: a spin or envelope not opened yet shows no amount and no
 * draw detail (its amount is a surprise until the agent opens it; staff always see it).
 */
export function mapAward(r: AwardRow, forAgent = false): SpiffAwardDto {
  const hide = forAgent && r.hidden;
  return {
    id: Number(r.id),
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    employeeCode: r.employee_code,
    agentName: r.full_name,
    teamCode: r.team_code,
    kind: r.kind,
    amountCents: hide ? null : Number(r.amount_cents),
    status: r.status,
    earnedOn: r.earned_on,
    occurredAt: iso(r.occurred_at),
    callId: r.call_id,
    unitsAt: Number(r.units_at),
    detail: hide ? { draw: r.detail['draw'] } : r.detail,
    createdAt: r.created_at.toISOString(),
    approvedAt: iso(r.approved_at),
    approvedBy: forAgent ? null : r.approved_by,
    approvedOn: r.approved_on,
    paidAt: iso(r.paid_at),
    paidBy: forAgent ? null : r.paid_by,
    voidedAt: iso(r.voided_at),
    voidedBy: forAgent ? null : r.voided_by,
    voidReason: r.void_reason,
    dispute: r.dispute ? mapDisputeOf(r, r.dispute, forAgent) : null,
  };
}

function mapDisputeOf(
  r: AwardRow,
  p: NonNullable<AwardRow['dispute']>,
  forAgent: boolean,
): SpiffDisputeDto {
  return {
    id: Number(p.id),
    awardId: Number(r.id),
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    employeeCode: r.employee_code,
    agentName: r.full_name,
    amountCents: Number(r.amount_cents),
    awardStatus: r.status,
    comment: p.comment,
    status: p.status,
    outcome: p.outcome,
    resolution: p.resolution,
    resolvedBy: forAgent ? null : p.resolved_by,
    resolvedAt: isoText(p.resolved_at),
    adjustmentAwardId: p.adjustment_award_id === null ? null : Number(p.adjustment_award_id),
    createdAt: isoText(p.created_at) as string,
  };
}
