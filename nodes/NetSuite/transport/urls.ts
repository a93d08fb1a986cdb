/**
 * NetSuite account ids appear in two spellings: the OAuth realm and the UI use upper case with "_"
 * (`1234567_SB1`), host names lower case with "-" (`1234567-sb1.suitetalk.api.netsuite.com`).
 */
export function accountRealm(accountId: string): string {
	return accountId.trim().toUpperCase().replace(/-/g, '_');
}

export function accountHost(accountId: string): string {
	return accountId.trim().toLowerCase().replace(/_/g, '-');
}

export interface NetSuiteUrlSettings {
	accountId?: unknown;
	baseUrl?: unknown;
	restletBaseUrl?: unknown;
}

function trimBase(value: unknown): string {
	let url = String(value ?? '').trim().replace(/\/+$/, '');
	if (url && !/^https?:\/\//i.test(url)) url = `https://${url}`;
	// A base URL pasted with the REST root is accepted as well.
	return url.replace(/\/services\/rest$/i, '');
}

/** The origin (plus any path prefix) that `/services/rest/...` is appended to. */
export function restBaseUrl(settings: NetSuiteUrlSettings): string {
	const override = trimBase(settings.baseUrl);
	if (override) return override;
	return `https://${accountHost(String(settings.accountId ?? ''))}.suitetalk.api.netsuite.com`;
}

/** The origin RESTlets are called on (`/app/site/hosting/restlet.nl`). */
export function restletBaseUrl(settings: NetSuiteUrlSettings): string {
	const override = trimBase(settings.restletBaseUrl) || trimBase(settings.baseUrl);
	if (override) return override;
	return `https://${accountHost(String(settings.accountId ?? ''))}.restlets.api.netsuite.com`;
}

export function tokenUrl(settings: NetSuiteUrlSettings): string {
	return `${restBaseUrl(settings)}/services/rest/auth/oauth2/v1/token`;
}
