export * from './types';
export * from './decimal';
export * from './dates';
export * from './records';
export * from './mapping';
