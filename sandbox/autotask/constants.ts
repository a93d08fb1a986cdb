/** Values a user of the sandbox types into the Autotask PSA credential (printed by `erp-interop sandbox`). */
export const AT_USER_NAME = 'n8n-api@harbortech-msp.example';
export const AT_SECRET = 'At$andbox-Secret-7Qm2v9';
/** A 27-character tracking identifier, like the ones Autotask issues. */
export const AT_INTEGRATION_CODE = 'HTMSPSANDBOXN8NINTEROP00001';
/** The database's path segment below the plugin prefix; the zone URL points at it. */
export const AT_ZONE_SEGMENT = 'webservices3';
export const AT_API_ROOT = 'atservicesrest/v1.0';
/** "Any integrations developed following the Autotask 2023.1 release have a thread limit of three." */
export const AT_THREADS_PER_ENDPOINT = 3;
/** "10,000 requests per hour per database" (API thresholds); configurable for tests. */
export const AT_HOURLY_THRESHOLD = 10_000;
export const AT_PAGE_SIZE = 500;
/** Autotask's own company (the MSP) has id 0 in every database. */
export const AT_OWNER_COMPANY_ID = 0;
export const AT_CI = 424242;
