/**
 * The Rebate Engine's core, for the node, templates and other logic nodes (e.g. a scorecard): pure
 * functions over programs and lines, plus the claim ledger on the state store.
 */
export * from './types';
export { computeAccrual, type AccrualCalculation, type Prior } from './accrue';
export { baselineFor, parseBaselines } from './baselines';
export { checkLine } from './checks';
export { certificationOn, parseCertifications, type CertificationStatus } from './certifications';
export { ClaimLedger, claimKey, conflictOf, type ClaimConflict, type ClaimRequest, type ExistingClaim } from './claims';
export { parseConfig, type RawConfig } from './config';
export { admit, matchesFilters, selectStackable, type Admission } from './eligibility';
export { calculateRebates, type CalculateOptions, type ClaimResolver } from './engine';
export { RebateConfigError, RebateLineError } from './errors';
export { accrualId, accrualKey, exceptionId, stableId } from './ids';
export { linesOfItem } from './lines';
export { currencyDecimals, money, percentOf, SHARE_DECIMALS } from './money';
export { planAccruals, type Group, type Plan } from './plan';
export { calendarDate, fixedPeriod, periodOf, priorPeriod } from './periods';
export { parsePrograms, validateProgram } from './programs';
export { groupProgramRows, isProgramRow } from './programRows';
export { incremental, retroactive, tierReached } from './tiers';
