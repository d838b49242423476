export * from './call-service';
export * from './sla-thresholds';
