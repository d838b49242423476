export * from './lib/common';
