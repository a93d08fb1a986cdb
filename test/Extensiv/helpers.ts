import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, IPollFunctions } from 'n8n-workflow';

import { ExtensivApi } from '../../credentials/ExtensivApi.credentials';
import { Extensiv } from '../../nodes/Extensiv/Extensiv.node';
import { createExecuteContext } from '../helpers/fakeContext';
import { nodeKit, strictNock } from '../helpers/nodeKit';

export const HOST = 'https://wms.example.test';
export const TOKEN_PATH = '/AuthServer/api/Token';

let users = 0;

/** A credential of its own per call (own limiter); `accessToken` set means a token is already stored. */
export function credentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	users++;
	return {
		baseUrl: HOST,
		clientId: 'client-1',
		clientSecret: 'Sup3r-Secret-Value',
		userBy: 'id',
		userLogin: String(1000 + users),
		tpl: '',
		accessToken: 'tok-stored',
		...overrides,
	};
}

export const node = new Extensiv();
export const credentialType = new ExtensivApi();

export const { executeContext, run, loadOptionsContext } = nodeKit({ node, credentialType, credentials, nodeName: 'Extensiv' });

/** A poll context on top of the execute fake: n8n's IPollFunctions reads parameters without an item index. */
export function pollContext(parameters: IDataObject, mode: 'trigger' | 'manual' = 'trigger', staticData: IDataObject = {}, creds = credentials()) {
	const ctx = createExecuteContext({
		parameters,
		credentials: { extensivApi: creds },
		credentialTypes: [credentialType],
		staticData,
		node: { type: 'n8n-nodes-erp-interop.extensivTrigger', name: 'Extensiv Trigger' },
	});
	const poll = Object.assign(Object.create(ctx) as object, {
		getMode: () => mode,
		getNodeParameter: (name: string, fallback?: unknown) => ctx.getNodeParameter(name, 0, fallback),
	});
	return { ctx, poll: poll as unknown as IPollFunctions };
}

export const api = () => nock(HOST);

export { byId } from '../helpers/nodeKit';

export function orders(from: number, to: number, extra: (id: number) => IDataObject = () => ({})): IDataObject[] {
	return Array.from({ length: to - from + 1 }, (_, i) => ({
		readOnly: { orderId: from + i, status: 0, lastModifiedDate: '2026-10-01T10:00:00' },
		referenceNum: `SO-${from + i}`,
		customerIdentifier: { id: 1 },
		facilityIdentifier: { id: 1 },
		...extra(from + i),
	}));
}

export const page = (records: IDataObject[], total: number, next?: string): IDataObject => ({
	totalResults: total,
	_links: next ? { next: { href: next } } : {},
	_embedded: { 'http://api.3plCentral.com/rels/orders/order': records },
});

export const setupNock = strictNock;
