/** A bar's look: booked (light fill), done (solid), missed (hatched) or cut (dashed outline). */
export type TimelineStyle = 'planned' | 'solid' | 'hatched' | 'ghost';
/** Colour families of bars; the page maps its own meanings onto them (shift kinds, absences). */
export type TimelineTone = 'blue' | 'orange' | 'purple' | 'grey' | 'red' | 'green';
export type TimelineBadgeTone = 'info' | 'warn' | 'bad';

export interface TimelineBadge {
  text: string;
  tone: TimelineBadgeTone;
  /** Read out to screen readers and shown on hover. */
  title: string;
}

/** One bar on a row: minutes from the start of the axis (clipped to it when drawn). */
export interface TimelineBar {
  /** What a click reports (several bars may share one id, e.g. a shift and its cut remainder). */
  id: string;
  startMin: number;
  endMin: number;
  tone: TimelineTone;
  style: TimelineStyle;
  /** Short text inside the bar (hidden when the bar is too narrow). */
  label: string;
  /** Full description for the tooltip and screen readers. */
  title: string;
  badges?: readonly TimelineBadge[];
  /** A vertical marker inside the bar, e.g. the instant of a send-home. */
  markerMin?: number | null;
}

export interface TimelineRow {
  id: string;
  label: string;
  sublabel?: string;
  /** A short figure at the end of the row (e.g. planned hours against contract). */
  aside?: string;
  asideTone?: 'neutral' | 'warn' | 'bad';
  asideTitle?: string;
  bars: readonly TimelineBar[];
}

export interface TimelineTick {
  atMin: number;
  label: string;
  /** A major tick draws a full-height line (a day boundary). */
  major: boolean;
}

export interface TimelineAxis {
  totalMin: number;
  ticks: readonly TimelineTick[];
}

/** Where a bar lands, in percent of the axis, and whether it runs past either end. */
export interface BarBox {
  leftPct: number;
  widthPct: number;
  clippedStart: boolean;
  clippedEnd: boolean;
  markerPct: number | null;
}

/** Places a bar on an axis of `totalMin` minutes (pure); null when it lies wholly outside. */
export function layoutBar(bar: TimelineBar, totalMin: number): BarBox | null {
  const start = Math.max(0, bar.startMin);
  const end = Math.min(totalMin, bar.endMin);
  if (totalMin <= 0 || end <= start) {
    return null;
  }
  const marker =
    bar.markerMin != null && bar.markerMin >= start && bar.markerMin <= end
      ? ((bar.markerMin - start) / (end - start)) * 100
      : null;
  return {
    leftPct: (start / totalMin) * 100,
    widthPct: ((end - start) / totalMin) * 100,
    clippedStart: bar.startMin < 0,
    clippedEnd: bar.endMin > totalMin,
    markerPct: marker,
  };
}

/**
 * The axis of `days` consecutive days: a major tick per day labelled by `dayLabel`, and minor
 * ticks every `everyHours` within a day (labelled `HH:00`) when there is room: for one day every
 * 2 hours, for a week every 6 hours (unlabelled).
 */
export function daysAxis(
  dayLabels: readonly string[],
  everyHours = dayLabels.length === 1 ? 2 : 6,
): TimelineAxis {
  const ticks: TimelineTick[] = [];
  dayLabels.forEach((label, d) => {
    // one day: its hours are the labels (the date is the page's); several: the dates
    ticks.push({ atMin: d * 1440, label: dayLabels.length === 1 ? '00:00' : label, major: true });
    for (let h = everyHours; h < 24; h += everyHours) {
      ticks.push({
        atMin: d * 1440 + h * 60,
        label: dayLabels.length === 1 ? `${String(h).padStart(2, '0')}:00` : '',
        major: false,
      });
    }
  });
  return { totalMin: dayLabels.length * 1440, ticks };
}
