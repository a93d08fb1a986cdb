/** The values a user types into the n8n credential for the sandbox. */
export const IA_SENDER_ID = 'erpinterop_sandbox';
export const IA_SENDER_PASSWORD = 'Snd-P4ss-0f-Sandbox!';
export const IA_COMPANY_ID = 'NORTHWIND-DIST';
export const IA_USER_ID = 'xml_gateway';
export const IA_USER_PASSWORD = 'Usr-P4ss-xml&<gw>';
export const IA_ENTITIES = ['E100', 'E200'];
export const IA_GATEWAY_PATH = '/ia/xml/xmlgw.phtml';
/** Sage Intacct sessions time out when idle; the sandbox default is 30 minutes, configurable. */
export const IA_DEFAULT_SESSION_TIMEOUT_MS = 30 * 60_000;

export const GW = {
	rateLimited: 'GW-0010',
	invalidRequest: 'GW-0011',
	serverError: 'GW-0001',
	schema: 'XL03000003',
	auth: 'XL03000006',
	rolledBack: 'XL03000009',
	/** A control ID sent again with uniqueid=true (the sandbox's code for the replay refusal). */
	replayed: 'XL03000011',
} as const;
