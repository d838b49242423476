export * from './local-date';
export { dayString, weekdayOfDayNumber, ZoneClock } from './zone-clock';
export type { HourPiece } from './zone-clock';
