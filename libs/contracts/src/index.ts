export * from './lib/auth';
export * from './lib/errors';
export * from './lib/org';
export * from './lib/calls';
export * from './lib/schedules';
export * from './lib/burnout';
export * from './lib/turnover';
export * from './lib/spiff';
