/** Fixed sandbox credentials: what a user types into the ConnectWise PSA credential to reach the sandbox. */
export const CW_COMPANY_ID = 'sandbox';
export const CW_PUBLIC_KEY = 'SbxPublicKey7f3a';
export const CW_PRIVATE_KEY = 'SbxPrivateKey9c1e4d';
export const CW_CLIENT_ID = '6c1f2a8e-4b7d-4e2a-9f3c-1d5e8a7b2c90';

/** The API member the keys belong to (what `updatedBy`/`enteredBy` show for API writes). */
export const CW_API_MEMBER_IDENTIFIER = 'SandboxAPI';

/** On-premises servers answer `v4_6_release/` from companyinfo; cloud ones a dated codebase. Both are routed. */
export const CW_CODEBASE = 'v4_6_release';
export const CW_API_VERSION = '2025.1';
export const CW_API_ROOT = 'apis/3.0';

/** Documented paging limits (Developer Guide, "Pagination"). */
export const CW_DEFAULT_PAGE_SIZE = 25;
export const CW_MAX_PAGE_SIZE = 1000;

/** Callback redelivery (Developer Guide, "When Callbacks Fail to POST"): twice, after 2 s then 4 s, 5 s timeout. */
export const CW_CALLBACK_RETRY_STATUSES = [404, 409, 419, 429];
export const CW_CALLBACK_RETRY_DELAYS_MS = [2000, 4000];
export const CW_CALLBACK_TIMEOUT_MS = 5000;

export const CW_CALLBACK_TYPES = [
	'activity',
	'agreement',
	'company',
	'configuration',
	'contact',
	'expense',
	'invoice',
	'member',
	'opportunity',
	'product',
	'project',
	'purchaseOrder',
	'salesOrder',
	'schedule',
	'site',
	'ticket',
	'time',
];
