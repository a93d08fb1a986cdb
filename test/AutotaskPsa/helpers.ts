import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { AutotaskPsaApi } from '../../credentials/AutotaskPsaApi.credentials';
import { AutotaskPsa } from '../../nodes/AutotaskPsa/AutotaskPsa.node';
import { clearFieldCache } from '../../nodes/AutotaskPsa/transport/metadata';
import { clearZoneCache } from '../../nodes/AutotaskPsa/transport/zone';
import { nodeKit } from '../helpers/nodeKit';

export const DISCOVERY = 'https://webservices.autotask.net';
export const ZONE = 'https://webservices14.autotask.net';
export const API = '/atservicesrest/v1.0';
export const SECRET = 'Sup3r-Secret-Value!';

let accounts = 0;

/**
 * A credential of its own per call (its own integration code, so its own process-wide limiters).
 * Without `zoneApiUrl` the credential's preAuthentication stays out of the way, as it does once n8n
 * has stored the zone.
 */
export function credentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	accounts++;
	return {
		userName: `api${accounts}@msp.example`,
		secret: SECRET,
		integrationCode: `INTEGRATIONCODE${String(accounts).padStart(12, '0')}`,
		zoneUrl: '',
		discoveryUrl: `${DISCOVERY}/atservicesrest`,
		impersonationResourceId: '',
		requestsPerHour: 10000,
		...overrides,
	};
}

/** Answers zoneInformation for the user once (Autotask's documented response shape). */
export function zone(userName: string | RegExp = /.+/): nock.Scope {
	return nock(DISCOVERY)
		.get(`${API}/zoneInformation`)
		.query((q) => (typeof userName === 'string' ? q.user === userName : userName.test(String(q.user))))
		.reply(200, { zoneName: 'Pre-Release', url: `${ZONE}/atservicesrest/`, webUrl: 'https://ww14.autotask.net/', ci: 1234 });
}

export const api = () => nock(ZONE);

export const node = new AutotaskPsa();
export const credentialType = new AutotaskPsaApi();

export const { executeContext, run, loadOptionsContext } = nodeKit({ node, credentialType, credentials, nodeName: 'Autotask PSA' });

export function resetCaches(): void {
	clearZoneCache();
	clearFieldCache();
}

/** `{ items, pageDetails }` as Autotask's query returns it. */
export function page(items: IDataObject[], nextPageUrl: string | null = null): IDataObject {
	return { items, pageDetails: { count: items.length, requestCount: 500, prevPageUrl: null, nextPageUrl } };
}

export const searchOf = (uri: string): IDataObject =>
	JSON.parse(new URL(uri, ZONE).searchParams.get('search') ?? 'null') as IDataObject;

export const TICKET_FIELDS = {
	fields: [
		{ name: 'id', dataType: 'long', isReadOnly: true, isPickList: false, isQueryable: true },
		{ name: 'title', dataType: 'string', isRequired: true, isPickList: false, isQueryable: true },
		{ name: 'companyID', dataType: 'integer', isRequired: true, isReference: true, referenceEntityType: 'Company', isQueryable: true },
		{ name: 'estimatedHours', dataType: 'decimal', isQueryable: true },
		{
			name: 'status',
			dataType: 'integer',
			isPickList: true,
			isQueryable: true,
			picklistValues: [
				{ value: '1', label: 'New', isActive: true },
				{ value: '5', label: 'Complete', isActive: true },
				{ value: '8', label: 'In Progress', isActive: true },
			],
		},
		{ name: 'createDate', dataType: 'datetime', isReadOnly: true, isQueryable: true },
	],
};
