import { LocalDate, fromDayNumber, toDayNumber } from '../dates';

/**
 * Forecast of offered calls per interval for the next week — metrics.md §2: "for each weekday ×
 * interval-of-day, the mean of the same slot over the last k weeks (default 6), scaled by the
 * ratio of the last 4 weeks' total to the same weeks' mean".
 *
 * INTERPRETATION of the scale factor. Read literally ("a total divided by the mean of the same
 * weeks") the ratio would always be 4, so we read "the same weeks' mean" as what the k-week slot
 * means predict for those 4 weeks: factor = (actual total of the last 4 weeks) ÷ (4 × the k-week
 * mean weekly total) = (mean weekly total of the last 4 weeks) ÷ (mean weekly total of the last k
 * weeks). It lifts the seasonal shape to the recent level: flat volume gives 1, growth gives > 1.
 * When the k-week total is 0 the factor is 1 (the forecast is 0 anyway).
 *
 * Weeks are the 7-day blocks ending the day before the forecast starts, so "the same slot k
 * weeks back" is always the same weekday. A block counts only if it lies on or after the first
 * date of the history; with fewer than k such blocks all available ones are used (and the trend
 * uses min(4, available)). Days inside the window without a row are zero-volume days (a slot
 * with no calls has no rollup row); several rows for one date and slot are added.
 */

/** Offered calls of one campaign in one interval-of-day (`slot`, 0-based) of a local date. */
export interface OfferedCallsObservation {
  date: LocalDate;
  slot: number;
  offered: number;
}

export interface ForecastOptions {
  /** Intervals per day, e.g. 48 for 30-minute slots. */
  slotsPerDay: number;
  /** k, the weeks averaged per slot; default 6. */
  weeks?: number;
  /** Weeks in the recent-level numerator of the scale factor; default 4. */
  trendWeeks?: number;
  /** First forecast date; default the day after the last history date. */
  startDate?: LocalDate;
}

/** A forecast value: mean calls, not rounded (Erlang inputs accept fractional calls). */
export interface SlotForecast {
  date: LocalDate;
  slot: number;
  offered: number;
}

export interface OfferedCallsForecast {
  startDate: LocalDate;
  endDate: LocalDate;
  /** Weeks actually averaged (≤ k when the history is shorter). */
  weeksUsed: number;
  /** Weeks in the scale numerator (min(trendWeeks, weeksUsed)). */
  trendWeeksUsed: number;
  /** The level factor described above. */
  scale: number;
  /** 7 × slotsPerDay values, by date then slot. */
  slots: SlotForecast[];
}

/** Anything that forecasts a week from history — the §2 method or a challenger. */
export type OfferedCallsForecaster = (
  history: readonly OfferedCallsObservation[],
  options: ForecastOptions,
) => { slots: readonly SlotForecast[] };

interface DailySeries {
  byDay: Map<number, number[]>;
  firstDay: number;
  lastDay: number;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer (got ${value})`);
  }
}

function toDailySeries(
  history: readonly OfferedCallsObservation[],
  slotsPerDay: number,
): DailySeries {
  if (history.length === 0) {
    throw new RangeError('the forecast needs history: no observations were given');
  }
  const byDay = new Map<number, number[]>();
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const row of history) {
    const day = toDayNumber(row.date);
    if (!Number.isInteger(row.slot) || row.slot < 0 || row.slot >= slotsPerDay) {
      throw new RangeError(`slot ${row.slot} on ${row.date} is outside 0..${slotsPerDay - 1}`);
    }
    if (!Number.isFinite(row.offered) || row.offered < 0) {
      throw new RangeError(`offered ${row.offered} on ${row.date} slot ${row.slot} is invalid`);
    }
    let slots = byDay.get(day);
    if (!slots) {
      slots = new Array<number>(slotsPerDay).fill(0);
      byDay.set(day, slots);
    }
    slots[row.slot] += row.offered;
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
  }
  return { byDay, firstDay, lastDay };
}

/**
 * metrics.md §2 forecast of offered calls for the 7 days from `startDate`: per weekday × slot
 * the mean over the last k weeks, times the level factor (interpretation above).
 *
 * @throws RangeError for malformed rows or when not one complete week precedes the start.
 */
export function forecastOfferedCalls(
  history: readonly OfferedCallsObservation[],
  options: ForecastOptions,
): OfferedCallsForecast {
  const { slotsPerDay } = options;
  const k = options.weeks ?? 6;
  const trendWeeks = options.trendWeeks ?? 4;
  positiveInteger('slotsPerDay', slotsPerDay);
  positiveInteger('weeks', k);
  positiveInteger('trendWeeks', trendWeeks);
  const series = toDailySeries(history, slotsPerDay);
  const start =
    options.startDate === undefined ? series.lastDay + 1 : toDayNumber(options.startDate);
  const available = Math.floor((start - series.firstDay) / 7);
  const weeksUsed = Math.min(k, available);
  if (weeksUsed < 1) {
    throw new RangeError(
      `the forecast needs at least one complete week of history before ${fromDayNumber(start)}`,
    );
  }
  const value = (day: number, slot: number): number => series.byDay.get(day)?.[slot] ?? 0;

  const slotMeans: number[][] = [];
  const weekTotals = new Array<number>(weeksUsed + 1).fill(0); // index w = weeks back, 1-based
  for (let d = 0; d < 7; d++) {
    const means = new Array<number>(slotsPerDay).fill(0);
    for (let w = 1; w <= weeksUsed; w++) {
      const day = start + d - 7 * w;
      for (let s = 0; s < slotsPerDay; s++) {
        const v = value(day, s);
        means[s] += v / weeksUsed;
        weekTotals[w] += v;
      }
    }
    slotMeans.push(means);
  }
  const trendWeeksUsed = Math.min(trendWeeks, weeksUsed);
  let recent = 0;
  let all = 0;
  for (let w = 1; w <= weeksUsed; w++) {
    all += weekTotals[w];
    if (w <= trendWeeksUsed) {
      recent += weekTotals[w];
    }
  }
  const scale = all > 0 ? recent / trendWeeksUsed / (all / weeksUsed) : 1;

  const slots: SlotForecast[] = [];
  for (let d = 0; d < 7; d++) {
    const date = fromDayNumber(start + d);
    for (let s = 0; s < slotsPerDay; s++) {
      slots.push({ date, slot: s, offered: slotMeans[d][s] * scale });
    }
  }
  return {
    startDate: fromDayNumber(start),
    endDate: fromDayNumber(start + 6),
    weeksUsed,
    trendWeeksUsed,
    scale,
    slots,
  };
}

/** One held-out slot: what was forecast and what happened. */
export interface BacktestSlot {
  date: LocalDate;
  slot: number;
  forecast: number;
  actual: number;
}

export interface ForecastBacktest {
  heldOutStart: LocalDate;
  heldOutEnd: LocalDate;
  /** Mean of |forecast − actual| ÷ actual over slots with actual > 0; null when there are none. */
  mape: number | null;
  /** Σ|forecast − actual| ÷ Σ actual over every slot of the week; null when Σ actual = 0. */
  wape: number | null;
  /** Slots that entered MAPE (actual > 0). */
  scoredSlots: number;
  slots: BacktestSlot[];
}

/**
 * metrics.md §2 back-test: hold out the last complete week of the history (the 7 dates ending on
 * its latest date — pass complete days only), forecast it from the days before with `forecaster`
 * (default the §2 method) and report MAPE (over slots with actual > 0) and WAPE (over all slots,
 * so volume forecast for an empty slot still counts as error).
 */
export function backtestForecast(
  history: readonly OfferedCallsObservation[],
  options: Omit<ForecastOptions, 'startDate'>,
  forecaster: OfferedCallsForecaster = forecastOfferedCalls,
): ForecastBacktest {
  positiveInteger('slotsPerDay', options.slotsPerDay);
  const series = toDailySeries(history, options.slotsPerDay);
  const heldOutStart = series.lastDay - 6;
  const training = history.filter((row) => toDayNumber(row.date) < heldOutStart);
  const forecast = forecaster(training, { ...options, startDate: fromDayNumber(heldOutStart) });
  const predicted = new Map<string, number>();
  for (const f of forecast.slots) {
    predicted.set(`${f.date}#${f.slot}`, f.offered);
  }
  const slots: BacktestSlot[] = [];
  let absPctSum = 0;
  let scoredSlots = 0;
  let absErrorSum = 0;
  let actualSum = 0;
  for (let day = heldOutStart; day <= series.lastDay; day++) {
    const date = fromDayNumber(day);
    for (let s = 0; s < options.slotsPerDay; s++) {
      const actual = series.byDay.get(day)?.[s] ?? 0;
      const f = predicted.get(`${date}#${s}`) ?? 0;
      const error = Math.abs(f - actual);
      slots.push({ date, slot: s, forecast: f, actual });
      absErrorSum += error;
      actualSum += actual;
      if (actual > 0) {
        absPctSum += error / actual;
        scoredSlots++;
      }
    }
  }
  return {
    heldOutStart: fromDayNumber(heldOutStart),
    heldOutEnd: fromDayNumber(series.lastDay),
    mape: scoredSlots > 0 ? absPctSum / scoredSlots : null,
    wape: actualSum > 0 ? absErrorSum / actualSum : null,
    scoredSlots,
    slots,
  };
}
