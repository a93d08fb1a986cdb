import { generateKeyPairSync, verify, constants } from 'node:crypto';

import { normalizePem, signJwt } from '../../nodes/common/auth/jwt';
import { NetSuiteTrigger } from '../../nodes/NetSuite/NetSuiteTrigger.node';
import { NetSuiteUserEventTrigger } from '../../nodes/NetSuite/NetSuiteUserEventTrigger.node';
import { resources } from '../../nodes/NetSuite/actions/resources';
import { RECORD_TYPES } from '../../nodes/NetSuite/actions/recordTypes';
import { m2mType, node, tbaType } from './helpers';

describe('node descriptions', () => {
	it('the action node is usable as a tool, offers both credentials by Authentication, and every operation has a module', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.credentials?.map((c) => [c.name, c.displayOptions?.show?.authentication])).toEqual([
			['netSuiteTbaApi', ['tba']],
			['netSuiteM2mApi', ['m2m']],
		]);
		for (const [resource, module] of Object.entries(resources)) {
			const selector = module.description.find((p) => p.name === 'operation');
			const values = (selector?.options as Array<{ value: string; action?: string }>).map((o) => o.value);
			expect(Object.keys(module.operations).sort()).toEqual([...values].sort());
			for (const option of selector?.options as Array<{ action?: string }>) expect(option.action).toBeTruthy();
			expect(resource).toBeTruthy();
		}
	});

	it('the issue’s twelve record types are offered, each with a SuiteQL table for pickers and the trigger', () => {
		expect(RECORD_TYPES.map((t) => t.value)).toEqual([
			'customer', 'vendor', 'inventoryItem', 'nonInventorySaleItem', 'salesOrder', 'purchaseOrder',
			'itemFulfillment', 'itemReceipt', 'invoice', 'creditMemo', 'customerPayment', 'vendorBill',
		]);
		for (const t of RECORD_TYPES) expect(t.table).toMatch(/^(customer|vendor|item|transaction)$/);
	});

	it('triggers: a polling trigger and a webhook trigger, each with both credentials', () => {
		expect(new NetSuiteTrigger().description.polling).toBe(true);
		const webhook = new NetSuiteUserEventTrigger().description;
		expect(webhook.webhooks?.[0]).toMatchObject({ httpMethod: 'POST', path: 'netsuite-events' });
		expect(webhook.credentials).toHaveLength(2);
	});

	it('credentials have a cheap test request and mask their secrets', () => {
		for (const type of [tbaType, m2mType]) {
			expect(type.test.request.url).toBe('/services/rest/record/v1/metadata-catalog');
			for (const name of ['privateKey', 'consumerSecret', 'tokenSecret', 'webhookSecret', 'accessToken']) {
				const property = type.properties.find((p) => p.name === name);
				if (property) expect(property.typeOptions?.password).toBe(true);
			}
		}
		expect(m2mType.properties.find((p) => p.name === 'accessToken')?.typeOptions?.expirable).toBe(true);
	});
});

describe('JWT client assertion', () => {
	it('accepts a PEM pasted on one line (spaces or \\n escapes) and signs PS256 that verifies', () => {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		for (const variant of [pem, pem.replace(/\n/g, ' '), pem.trim().replace(/\n/g, '\\n')]) {
			expect(normalizePem(variant)).toBe(pem);
		}
		const jwt = signJwt({ typ: 'JWT', kid: 'k1' }, { iss: 'c' }, pem.replace(/\n/g, ' '), 'PS256');
		const [h, p, sig] = jwt.split('.');
		expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ typ: 'JWT', kid: 'k1', alg: 'PS256' });
		expect(
			verify('sha256', Buffer.from(`${h}.${p}`), { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, Buffer.from(sig, 'base64url')),
		).toBe(true);
	});
});

describe('credential choice', () => {
	it('follows the Authentication parameter even when both credentials are attached', async () => {
		const { credentialTypeOf } = await import('../../nodes/NetSuite/transport');
		const ctx = (parameters: Record<string, unknown>, credentials: Record<string, unknown>) =>
			({ getNode: () => ({ parameters, credentials }) }) as never;
		const both = { netSuiteTbaApi: {}, netSuiteM2mApi: {} };
		expect(credentialTypeOf(ctx({ authentication: 'm2m' }, both))).toBe('netSuiteM2mApi');
		expect(credentialTypeOf(ctx({ authentication: 'tba' }, both))).toBe('netSuiteTbaApi');
		expect(credentialTypeOf(ctx({}, { netSuiteM2mApi: {} }))).toBe('netSuiteM2mApi');
		expect(credentialTypeOf(ctx({}, both))).toBe('netSuiteTbaApi');
	});
});
