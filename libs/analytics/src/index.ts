export * from './lib/common';
export * from './lib/service';
export * from './lib/staffing';
