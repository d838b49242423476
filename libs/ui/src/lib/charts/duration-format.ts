/**
 * Whole seconds as a clock duration: 185 → "3:05", 3725 → "1:02:05". The API returns durations
 * as (possibly fractional) seconds; they are rounded once, here, for display.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) {
    return '—';
  }
  const sign = seconds < 0 ? '-' : '';
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${two(m)}:${two(s)}` : `${sign}${m}:${two(s)}`;
}

const DURATION_STEPS = [5, 10, 15, 20, 30, 60, 120, 180, 300, 600, 900, 1200, 1800, 3600, 7200];

/**
 * A duration axis that ticks on round clock values (0:30, 1:00, 1:30 — not 0:50, 1:40): the
 * smallest step from 5 s to 2 h that covers `maxSeconds` in at most `ticks` steps.
 */
export function durationAxis(maxSeconds: number, ticks = 4): { max: number; interval: number } {
  const top = Number.isFinite(maxSeconds) && maxSeconds > 0 ? maxSeconds : 60;
  const interval =
    DURATION_STEPS.find((step) => Math.ceil(top / step) <= ticks) ??
    Math.ceil(top / ticks / 3600) * 3600;
  return { max: Math.max(interval, Math.ceil(top / interval) * interval), interval };
}
