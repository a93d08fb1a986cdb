import { inspect } from 'node:util';
import nock from 'nock';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import {
	classifyStatus,
	errorClassOf,
	hintFor,
	redact,
	secretsOf,
	toNodeApiError,
	toNodeOperationError,
} from '../../nodes/common/errors';
import type { ErrorMapper } from '../../nodes/common/errors';
import { sendRequest } from '../../nodes/common/transport';
import type { RawResponse } from '../../nodes/common/transport';
import { createExecuteContext, useNock } from '../helpers/fakeContext';
import { TestApiKey, testMapper } from './testSupport';

useNock();

const node: INode = { id: 'n1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

/** Everything an error exposes: JSON (toJSON and own properties), util.inspect, stack, cause. */
function everything(error: unknown): string {
	const own = Object.fromEntries(
		Object.getOwnPropertyNames(error).map((key) => [key, (error as Record<string, unknown>)[key]]),
	);
	const safe = (value: unknown) => {
		try {
			return JSON.stringify(value);
		} catch {
			return '';
		}
	};
	return [
		safe(error),
		safe(own),
		inspect(error, { depth: null, showHidden: true }),
		(error as Error).stack ?? '',
		String(error),
		inspect((error as { cause?: unknown }).cause, { depth: null }),
	].join('\n');
}

function formsOf(secret: string): string[] {
	return [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
}

describe('secretsOf', () => {
	it('picks password, key, token, secret and private fields, skipping public ones and short values', () => {
		const secrets = secretsOf({
			companyId: 'acme',
			publicKey: 'pub-12345',
			privateKey: 'priv-12345',
			clientId: 'client-12345',
			password: 'pa55word',
			apiKey: 'key-12345',
			apiKeyName: 'integration',
			keyId: 'kid-12345',
			accessToken: 'tok-12345',
			webhookSecret: 'whsec_12345',
			pin: '1234',
			token: 'abc',
			port: 5432,
			oauthTokenData: { access_token: 'at-12345', refresh_token: 'rt-12345', token_type: 'Bearer', expires_in: 3600 },
		});
		expect(secrets.sort()).toEqual(
			['priv-12345', 'pa55word', 'key-12345', 'tok-12345', 'whsec_12345', 'at-12345', 'rt-12345'].sort(),
		);
	});

	it('returns nothing for no credentials', () => {
		expect(secretsOf(undefined)).toEqual([]);
	});
});

describe('redact', () => {
	it('replaces a secret in raw, base64 and URL-encoded form', () => {
		const secret = 'p@ss word/+=';
		const text = formsOf(secret).join(' | ');
		const out = redact(text, [secret]);
		for (const form of formsOf(secret)) expect(out).not.toContain(form);
		expect(out).toBe('*** | *** | ***');
	});
});

describe('classifyStatus and hints', () => {
	it.each([
		[401, 'auth'],
		[403, 'permission'],
		[404, 'not_found'],
		[409, 'conflict'],
		[429, 'rate_limit'],
		[400, 'validation'],
		[422, 'validation'],
		[500, 'transient'],
		[503, 'transient'],
		[418, 'unknown'],
	] as const)('%i is %s', (status, errorClass) => {
		expect(classifyStatus(status)).toBe(errorClass);
		expect(hintFor(errorClass).length).toBeGreaterThan(10);
	});
});

describe('toNodeApiError', () => {
	const response: RawResponse = {
		statusCode: 400,
		headers: {},
		body: {
			code: 'InvalidObject',
			message: 'Ticket is invalid',
			errors: [
				{ field: 'summary', code: 'Required', message: 'Summary is required' },
				{ field: 'board/id', code: 'NotFound', message: 'Board 99 not found' },
			],
		},
	};

	it('carries the status, vendor code, field errors, hint and item index', () => {
		const error = toNodeApiError(node, response, testMapper, { itemIndex: 3 });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('Test API 400 [InvalidObject]: Ticket is invalid');
		expect(error.description).toContain('summary: Summary is required');
		expect(error.description).toContain('board/id: Board 99 not found');
		expect(error.description).toContain(hintFor('validation'));
		expect(error.context).toMatchObject({ itemIndex: 3, errorClass: 'validation', vendorCode: 'InvalidObject' });
		expect(error.context.fieldErrors).toHaveLength(2);
		expect(errorClassOf(error)).toBe('validation');
	});

	it('uses the error class the mapper reads from the vendor code', () => {
		const duplicate = toNodeApiError(node, { statusCode: 400, headers: {}, body: { code: 'DuplicateRecord', message: 'exists' } }, testMapper);
		expect(errorClassOf(duplicate)).toBe('duplicate');
		expect(duplicate.description).toContain(hintFor('duplicate'));
	});

	it.each([
		['plain', 'S3cr3t-Value-123'],
		['JSON-escaped characters', 'pa"ss\\wo\nrd-ê-123'],
		['URL-special characters', 'a+b/c=d&e f?%'],
	])('never exposes a secret with %s, in any encoding, anywhere in the error', (_label, secret) => {
		const echo = formsOf(secret);
		const leaky: ErrorMapper = {
			system: `Echo ${secret}`,
			map: () => ({
				message: `rejected key ${secret}`,
				description: `Authorization: Basic ${echo[1]}`,
				code: `CODE_${echo[2]}`,
				errorClass: 'auth',
				fieldErrors: [{ field: `apiKey=${secret}`, code: echo[1], message: `bad value ${echo[2]}` }],
			}),
		};
		const body = {
			message: `Invalid key ${secret}`,
			request: { headers: { authorization: `Basic ${echo[1]}`, 'x-key': secret }, url: `https://x.test/?key=${echo[2]}` },
			[secret]: 'secret as a key',
			list: [secret, { deep: [echo[1]] }],
		};
		const error = toNodeApiError(node, { statusCode: 401, headers: {}, body }, leaky, { secrets: [secret] });
		const dump = everything(error);
		for (const form of echo) expect(dump).not.toContain(form);
		// Also as the JSON-escaped text a log line would carry.
		for (const form of echo) expect(dump).not.toContain(JSON.stringify(form).slice(1, -1));
		expect(dump).toContain('***');
	});
});

describe('toNodeOperationError', () => {
	it('redacts the message and keeps no reference to the original error', () => {
		const original = Object.assign(new Error('connect failed for https://u:tok-98765@x.test'), {
			config: { headers: { Authorization: 'Bearer tok-98765' } },
		});
		const error = toNodeOperationError(node, original, { secrets: ['tok-98765'], errorClass: 'transient', itemIndex: 1 });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.context).toMatchObject({ errorClass: 'transient', itemIndex: 1 });
		expect(error.description).toBe(hintFor('transient'));
		expect(everything(error)).not.toContain('tok-98765');
	});
});

describe('errors thrown by sendRequest', () => {
	it('never contain the credential that authenticated the request', async () => {
		const apiKey = 'live_key"with/odd+chars=';
		nock('https://leaky.test')
			.get('/me')
			.reply(401, (_uri, _body) => ({ message: `Key ${apiKey} rejected`, echo: Buffer.from(apiKey).toString('base64') }));
		const ctx = createExecuteContext({ credentials: { testApiKey: { apiKey } }, credentialTypes: [new TestApiKey()] });
		const error = await sendRequest(ctx, {
			credentialType: 'testApiKey',
			request: { url: 'https://leaky.test/me', json: true },
			errorMapper: testMapper,
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(errorClassOf(error)).toBe('auth');
		const dump = everything(error);
		for (const form of formsOf(apiKey)) expect(dump).not.toContain(form);
	});
});
