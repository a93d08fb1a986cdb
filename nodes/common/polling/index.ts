export * from './watermark';
export * from './trigger';
