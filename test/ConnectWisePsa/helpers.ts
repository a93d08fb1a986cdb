import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { ConnectWisePsaApi } from '../../credentials/ConnectWisePsaApi.credentials';
import { ConnectWisePsa } from '../../nodes/ConnectWisePsa/ConnectWisePsa.node';
import { nodeKit, strictNock } from '../helpers/nodeKit';

export const SITE = 'https://cw.example.test';
export const API = '/v4_6_release/apis/3.0';

let accounts = 0;

/** A credential of its own per call, so each test gets its own process-wide rate limiter. */
export function credentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	accounts++;
	return {
		siteUrl: SITE,
		codebase: 'v4_6_release',
		companyId: 'acme',
		publicKey: `pub${accounts}`,
		privateKey: 'Priv8-Secret-Key',
		clientId: '0b8e7a3c-1111-4222-8333-944455556666',
		apiVersion: '',
		maxConcurrent: 4,
		requestsPerMinute: 0,
		...overrides,
	};
}

export const node = new ConnectWisePsa();
export const credentialType = new ConnectWisePsaApi();

export const { executeContext, run, loadOptionsContext } = nodeKit({ node, credentialType, credentials, nodeName: 'ConnectWise PSA' });

export const api = () => nock(SITE);

export { byId } from '../helpers/nodeKit';

/** Records with ids from..to. */
export function records(from: number, to: number, extra: (id: number) => IDataObject = () => ({})): IDataObject[] {
	return Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i, name: `Record ${from + i}`, ...extra(from + i) }));
}

export const setupNock = strictNock;
