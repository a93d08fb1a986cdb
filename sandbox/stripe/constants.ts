/** The sandbox account's keys; the secret key is what a user types into the n8n credential. */
export const STRIPE_SECRET_KEY = 'sk_test_51SandboxNorthwindMsp0000000000000000000000000000000000000000000000000000000000';
/** A restricted key that may only read (writes get 403, as a restricted key without write permission does). */
export const STRIPE_RESTRICTED_READ_KEY = 'rk_test_51SandboxNorthwindMspReadOnly00000000000000000000000000000000000000000000000000';
export const STRIPE_ACCOUNT_ID = 'acct_1SandboxNorthwnd';
/** The account's default API version, used when a request sends no `Stripe-Version`. */
export const STRIPE_DEFAULT_API_VERSION = '2025-03-31.basil';
/** Idempotency keys are kept 24 hours. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600_000;
/** Meter event identifiers are unique within a rolling 24 hours. */
export const METER_IDENTIFIER_WINDOW_MS = 24 * 3600_000;
export const MAX_LIST_LIMIT = 100;
export const DEFAULT_LIST_LIMIT = 10;
