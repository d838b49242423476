export * from './shift.types';
export type { InstantInput } from './instant';
export {
  actualSpan,
  adherence,
  paidSeconds,
  plannedIntervals,
  scheduledSeconds,
  scheduledSpan,
  stayLateSeconds,
  workedIntervals,
  workedSeconds,
} from './worked-time';
export type { AdherenceResult } from './worked-time';
export { DEFAULT_WEEKEND_DAYS, isNightHour, splitAtLocalHours, unsocialFlags } from './local-hours';
export type { LocalHourPiece, UnsocialFlags } from './local-hours';
export * from './overtime';
export * from './differentials';
export * from './rest';
export * from './send-home';
export * from './pay-estimate';
export * from './pay-config';
export * from './pay-period';
export * from './schedule-summary';
export * from './staffing-gap';
