import type { IHttpRequestOptions } from 'n8n-workflow';

import { STRIPE_PINNED_API_VERSION } from '../../credentials/StripeBillingApi.credentials';
import { credentialType } from './helpers';

describe('Stripe Billing API credential', () => {
	it('adds the Bearer key and the pinned version, and Stripe-Account only when set', async () => {
		const request: IHttpRequestOptions = { url: '/v1/balance', headers: { Accept: 'application/json' } };
		const plain = await credentialType.authenticate({ secretKey: 'sk_test_abc', apiVersion: '', stripeAccount: '' }, request);
		expect(plain.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer sk_test_abc', 'Stripe-Version': STRIPE_PINNED_API_VERSION });
		const connected = await credentialType.authenticate({ secretKey: 'sk_test_abc', apiVersion: '2025-09-30.clover', stripeAccount: ' acct_1 ' }, request);
		expect(connected.headers).toMatchObject({ 'Stripe-Version': '2025-09-30.clover', 'Stripe-Account': 'acct_1' });
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});

	it('pins a version with billing meters and tests with a cheap read', () => {
		expect(STRIPE_PINNED_API_VERSION >= '2025-03-31').toBe(true);
		expect(credentialType.test.request).toMatchObject({ url: '/v1/balance', method: 'GET' });
		expect(credentialType.properties.find((p) => p.name === 'secretKey')?.typeOptions?.password).toBe(true);
	});
});
