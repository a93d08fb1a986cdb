export * from './types';
export * from './delimiters';
export * from './tokenizer';
export * from './stream';
export * from './codes';
export * from './validate';
export * from './generation';
