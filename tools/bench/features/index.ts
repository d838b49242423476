import { burnoutBench } from './burnout';
import type { FeatureBench } from './feature-bench';
import { turnoverBench } from './turnover';
import { schedulesBench } from './schedules';
import { floorBench } from './floor';
import { spiffBench } from './spiff';

/**
 * Every feature's benchmark, run by `npm run bench` after the calls figures. Each feature adds its
 * own file here (`tools/bench/features/<feature>.ts`) and one line to this list.
 */
export const FEATURE_BENCHES: FeatureBench[] = [
  burnoutBench,
  turnoverBench,
  schedulesBench,
  floorBench,
  spiffBench,
];
