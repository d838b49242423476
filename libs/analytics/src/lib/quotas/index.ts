export * from './quota.types';
export * from './quota-progress';
export * from './quota-pacing';
export * from './daily-goal';
export * from './ramped-target';
