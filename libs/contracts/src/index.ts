export * from './lib/auth';
export * from './lib/errors';
export * from './lib/org';
export * from './lib/calls';
export * from './lib/schedules';
