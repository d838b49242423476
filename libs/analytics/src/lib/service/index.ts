export * from './call-service';
export * from './sla-thresholds';
export * from './rollup-measures';
