export * from './types';
export * from './retry';
export * from './rateLimiter';
export * from './request';
export * from './creditBucket';
