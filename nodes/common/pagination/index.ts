export * from './types';
export * from './paginate';
export * from './strategies';
