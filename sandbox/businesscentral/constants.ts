/** Fixed sandbox values: what a user types into the Business Central credential to reach the sandbox. */
export const BC_TENANT_ID = '7c0e4c2a-3b1d-4f6e-9a8b-2d5c1e0f9a31';
export const BC_ENVIRONMENT = 'sandbox';
export const BC_CLIENT_ID = '5f2d8b1c-9e4a-4c7d-8b3e-6a1f0c2d7e45';
export const BC_CLIENT_SECRET = 'SbxBcSecret~4Qz8Lm2Wv7Rt';
export const BC_SCOPE = 'https://api.businesscentral.dynamics.com/.default';
/** The audience Entra ID puts into Business Central tokens. */
export const BC_AUDIENCE = 'https://api.businesscentral.dynamics.com';

/** Entra ID access tokens for client credentials live about an hour. */
export const BC_TOKEN_LIFETIME_SEC = 3599;
/** Webhook subscriptions expire after three days unless renewed. */
export const BC_SUBSCRIPTION_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;
/** Online servers cap a page at 20,000 entities (Prefer: odata.maxpagesize can only lower it). */
export const BC_MAX_PAGE_SIZE = 20_000;
/** More changes than this within one notification window become a single `collection` notification. */
export const BC_COLLECTION_THRESHOLD = 1000;
/** Notification redelivery on 408, 429 and 5xx (Business Central retries for 36 hours; shortened here). */
export const BC_NOTIFICATION_RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
export const BC_NOTIFICATION_RETRY_DELAYS_MS = [1000, 3000];
/** Per-user limits of Business Central online (operational limits). */
export const BC_RATE_LIMIT = { requests: 6000, windowMs: 5 * 60_000, maxConcurrent: 5 };
/** The webhook subscription cap per environment. */
export const BC_MAX_SUBSCRIPTIONS = 200;
