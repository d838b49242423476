export * from './attrition';
export * from './retention-curve';
export * from './turnover-cost';
export * from './tenure-band';
export * from './bottom-x-what-if';
