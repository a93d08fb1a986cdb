import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { toNodeOperationError } from '../../common/errors';
import type { RequestContext } from '../../common/transport';

export const DEFAULT_DISCOVERY_URL = 'https://webservices.autotask.net/atservicesrest';
/** A zone rarely moves; re-asking once a day picks up a database migrated to another zone. */
const ZONE_TTL_MS = 24 * 60 * 60_000;

/** `…/atservicesrest/v1.0` from a zone or discovery URL as Autotask and users write it. */
export function apiRoot(url: string): string {
	let root = url.trim().replace(/\/+$/, '');
	if (!/^https?:\/\//i.test(root)) root = `https://${root}`;
	if (/\/v1\.0$/i.test(root)) return root;
	const path = new URL(root).pathname;
	if (path === '/' || path === '') root = `${root}/atservicesrest`;
	return `${root}/v1.0`;
}

interface CachedZone {
	root: Promise<string>;
	at: number;
}

// Per process, per discovery host and user name: every execution with the same API user reuses it.
const zones = new Map<string, CachedZone>();

/** Forgets discovered zones (tests; or after Autotask moved a database). */
export function clearZoneCache(): void {
	zones.clear();
}

async function discover(ctx: RequestContext, discoveryRoot: string, userName: string): Promise<string> {
	let body: IDataObject;
	try {
		// zoneInformation takes no credentials; sending the secret there would only widen its exposure.
		body = (await ctx.helpers.httpRequest({
			method: 'GET',
			url: `${discoveryRoot}/zoneInformation`,
			qs: { user: userName },
			json: true,
		})) as IDataObject;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw toNodeOperationError(ctx.getNode(), new Error(`Autotask zoneInformation found no zone for "${userName}" (${reason})`), {
			errorClass: 'auth',
			description: `Autotask could not tell which zone serves the API user "${userName}". Check the API User Name (the API-only user's name, usually an e-mail address) and the Zone Discovery URL, or set the Zone URL in the credential.`,
		});
	}
	if (typeof body?.url !== 'string' || body.url === '') {
		throw new NodeOperationError(ctx.getNode(), `Autotask zoneInformation returned no zone for "${userName}"`, {
			description: 'Check the API User Name in the credential, or set the Zone URL to skip discovery.',
		});
	}
	return apiRoot(body.url);
}

/** The API root of the credential's zone: the fixed Zone URL, else zoneInformation (cached). */
export async function zoneApiRoot(ctx: RequestContext, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const fixed = String(credentials.zoneUrl ?? '').trim();
	if (fixed) return apiRoot(fixed);
	const userName = String(credentials.userName ?? '').trim();
	const discoveryRoot = apiRoot(String(credentials.discoveryUrl ?? '').trim() || DEFAULT_DISCOVERY_URL);
	const key = `${discoveryRoot}|${userName.toLowerCase()}`;
	const cached = zones.get(key);
	if (cached && Date.now() - cached.at < ZONE_TTL_MS) return await cached.root;
	// Concurrent callers share one discovery; a failed one is not cached.
	const root = discover(ctx, discoveryRoot, userName);
	zones.set(key, { root, at: Date.now() });
	root.catch(() => {
		if (zones.get(key)?.root === root) zones.delete(key);
	});
	return await root;
}
