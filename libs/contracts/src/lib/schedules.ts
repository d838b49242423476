/** Shift kinds, statuses and send-home reasons of the `shifts` file (interfaces.md). */
export const SHIFT_KINDS = ['regular', 'overtime', 'training'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

export const SHIFT_STATUSES = [
  'scheduled',
  'worked',
  'absent_unplanned',
  'absent_excused',
  'sent_home',
] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];

export const SEND_HOME_REASONS = ['goal_met', 'outage', 'low_volume'] as const;
export type SendHomeReason = (typeof SEND_HOME_REASONS)[number];
