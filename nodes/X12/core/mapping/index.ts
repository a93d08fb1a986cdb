/** X12 ↔ canonical mappings, with the JSON tree and loop builders they rest on. */
export * from '../tree';
export * from '../loops';
export type { MappingContext, Party } from './common';
export { envelopeContext, partnerKey, partnerIds } from './common';
export * from './po850';
export * from './ack855';
export * from './asn856';
export * from './invoice810';
export * from './inventory846';
export * from './catalog832';
export * from './dispatch';
