export * from './erlang-input';
export * from './erlang-c';
export * from './erlang-a';
export * from './offered-forecast';
