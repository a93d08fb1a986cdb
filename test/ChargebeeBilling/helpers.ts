import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { ChargebeeBillingApi } from '../../credentials/ChargebeeBillingApi.credentials';
import { ChargebeeBilling } from '../../nodes/ChargebeeBilling/ChargebeeBilling.node';
import { nodeKit, strictNock } from '../helpers/nodeKit';

export const SITE_URL = 'https://acme-test.chargebee.com';
export const API = '/api/v2';
export const KEY = 'test_Secr3tApiKeyValue';

export function credentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return { site: 'acme-test', apiKey: KEY, baseUrl: '', ...overrides };
}

export const node = new ChargebeeBilling();
export const credentialType = new ChargebeeBillingApi();

export const { executeContext, run, loadOptionsContext } = nodeKit({ node, credentialType, credentials, nodeName: 'Chargebee Billing' });

export const api = () => nock(SITE_URL).matchHeader('authorization', `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`);

export { byId } from '../helpers/nodeKit';

export const customers = (from: number, to: number): IDataObject[] =>
	Array.from({ length: to - from + 1 }, (_, i) => ({ customer: { id: `c${from + i}`, email: `c${from + i}@example.com` } }));

export const setupNock = strictNock;
