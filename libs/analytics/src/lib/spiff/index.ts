export * from './spiff.types';
export * from './spiff-validation';
export * from './spiff-rules';
export * from './contest';
export * from './draws';
export * from './budget';
export * from './prng';
export * from './cost-preview';
