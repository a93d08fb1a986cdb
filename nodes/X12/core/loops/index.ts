export * from './hl';
export * from './lines';
