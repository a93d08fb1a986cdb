/** Everything for writing X12: serialisation, envelopes, control numbers and partner profiles. */
export * from './generate';
export * from './buildInterchange';
export * from './controlNumbers';
export * from './partnerProfile';
