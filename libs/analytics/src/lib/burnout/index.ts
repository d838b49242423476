export * from './burnout-config';
export * from './burnout-calls';
export * from './burnout-index';
export * from './team-burnout';
export * from './burnout-backtest';
