/**
 * X12 EDI: Send to Partner, and the X12 over HTTPS credential that signs it, against the trading-partner
 * sandbox (which checks the signature and reads the document with node-x12).
 */
import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { X12HttpApi } from '../../../credentials/X12HttpApi.credentials';
import { verifyEdiSignature } from '../../../nodes/X12/transport/signature';
import { errorClassOf } from '../../../nodes/common/errors';
import { startSandbox, type RunningSandbox, type SentOrder, type TradingPartnerPlugin } from '../../../sandbox';
import { startSubscriber } from '../../sandbox/helpers';
import { useNock } from '../../helpers/fakeContext';
import { run, useFileStore, x12Context } from './helpers';

useNock(true);

let sandbox: RunningSandbox;
let subscriber: Awaited<ReturnType<typeof startSubscriber>>;
let order: SentOrder;
const plugin = () => sandbox.plugin<TradingPartnerPlugin>('tradingpartner');

/** The two n8n credentials a user fills in for the sandbox partner. */
function partnerCredentials(): Record<string, ICredentialDataDecryptedObject> {
	const c = sandbox.systems.tradingpartner.credentials;
	return {
		x12TradingPartner: {
			ourIsaQualifier: c.ourIsaQualifier,
			ourIsaId: c.ourIsaId,
			theirIsaQualifier: c.theirIsaQualifier,
			theirIsaId: c.theirIsaId,
			ourGsId: c.ourGsId,
			theirGsId: c.theirGsId,
			version: '004010',
			elementSeparator: '*',
			componentSeparator: '>',
			segmentTerminator: '~',
			lineBreak: 'lf',
			usage: 'P',
			ackPolicy: '997',
		},
		x12HttpApi: { partnerUrl: c.partnerUrl, sharedSecret: c.sharedSecret, signatureHeader: c.signatureHeader, toleranceSeconds: Number(c.toleranceSeconds) },
	};
}

const orderAck = (poNumber: string, sku = order.lines[0].sku) => ({
	type: 'OrderAck',
	externalIds: {},
	orderNumber: poNumber,
	ackDate: '2026-01-06',
	status: 'accepted',
	lines: [{ lineNumber: '1', item: { supplierSku: sku }, quantity: '2', unitPrice: '1.10', unitOfMeasure: 'EA', status: 'accepted', quantityAcknowledged: '2' }],
});

let nextControl = 300;

async function build855(poNumber: string, store?: ICredentialDataDecryptedObject): Promise<INodeExecutionData> {
	nextControl++;
	const [[item]] = await run(
		x12Context({
			parameters: { operation: 'fromCanonical', recordsField: '', options: {}, controlNumbers: { numbers: { interchange: nextControl, group: nextControl, set: 1 } } },
			items: [{ json: orderAck(poNumber) as never }],
			credentials: { x12TradingPartner: partnerCredentials().x12TradingPartner, ...(store ? { interopStateStore: store } : {}) },
		}),
	);
	return item;
}

function sendContext(items: INodeExecutionData[], parameters: Record<string, unknown> = { inputMode: 'text', text: '={{ $json.edi }}' }, http = partnerCredentials().x12HttpApi, continueOnFail = false) {
	return x12Context({
		parameters: (i: number) => ({ operation: 'send', ...parameters, text: parameters.inputMode === 'text' ? (items[i].json.edi as string) : undefined }),
		items,
		credentials: { x12HttpApi: http },
		credentialTypes: [new X12HttpApi()],
		continueOnFail,
	});
}

beforeAll(async () => {
	subscriber = await startSubscriber();
	sandbox = await startSandbox({ systems: ['tradingpartner'], seed: 42 });
	plugin().configure({ webhookUrl: `${subscriber.url}/webhook/edi` });
	[order] = plugin().sendOrders(1);
	await sandbox.webhooksIdle();
});
afterAll(async () => {
	await sandbox.close();
	await subscriber.close();
});
beforeEach(() => sandbox.clearFaults());

describe('X12 EDI: Send to Partner', () => {
	const store = useFileStore();

	it('POSTs the interchange signed with the shared secret; the partner accepts and records it', async () => {
		const document = await build855(order.poNumber);

		const [[out]] = await run(sendContext([document]));

		expect(out.json.delivery).toMatchObject({ status: 200, response: { accepted: true }, interchangeControlNumber: (document.json.controlNumbers as { interchange: string }).interchange });
		expect(out.json.edi).toBe(document.json.edi);
		expect(out.pairedItem).toEqual({ item: 0 });
		expect(plugin().summary()[order.poNumber]).toMatchObject({ '855': 1 });
	});

	it('sends the file from a binary field as well', async () => {
		const document = await build855(order.poNumber);
		const [[out]] = await run(sendContext([document], { inputMode: 'binary', binaryPropertyName: 'data' }));
		expect(out.json.delivery).toMatchObject({ status: 200 });
		expect(plugin().summary()[order.poNumber]['855']).toBe(2);
	});

	it('sends the same interchange twice without the partner counting it twice', async () => {
		const document = await build855(order.poNumber, store());
		const before = plugin().summary()[order.poNumber]['855'];
		await run(sendContext([document]));
		const [[again]] = await run(sendContext([document]));
		expect(again.json.delivery).toMatchObject({ status: 200, response: { duplicate: true } });
		expect(plugin().summary()[order.poNumber]['855']).toBe(before + 1);
	});

	it('turns the partner’s refusal into a validation error that names its reason', async () => {
		const document = await build855('HH-99999');
		const [[failed]] = await run(sendContext([document], undefined, undefined, true));
		expect(failed.json).toMatchObject({ errorClass: 'validation' });
		expect(String(failed.json.error)).toMatch(/Trading partner 400: .*never sent/);
		const error = await run(sendContext([document])).catch((e: unknown) => e);
		expect(errorClassOf(error)).toBe('validation');
	});

	it('reports a wrong shared secret as an authentication error and never leaks the secret', async () => {
		const document = await build855(order.poNumber);
		const wrong = { ...partnerCredentials().x12HttpApi, sharedSecret: 'definitely-not-the-secret' };
		const error = await run(sendContext([document], undefined, wrong)).catch((e: unknown) => e);
		expect(errorClassOf(error)).toBe('auth');
		expect(JSON.stringify(error)).not.toContain('definitely-not-the-secret');
	});

	it('waits out a 429 from the partner and delivers once', async () => {
		const document = await build855(order.poNumber);
		const before = sandbox.records('tradingpartner', 'documents').length;
		sandbox.setFaults({ burst429: { count: 1, retryAfterSec: 0 } }, 'tradingpartner');
		const [[out]] = await run(sendContext([document]));
		expect(out.json.delivery).toMatchObject({ status: 200 });
		expect(sandbox.records('tradingpartner', 'documents')).toHaveLength(before + 1);
		expect(sandbox.stats().systems.tradingpartner.injected.burst429).toBeGreaterThanOrEqual(1);
	});

	it('refuses input that is not X12 before sending anything', async () => {
		const requests = sandbox.stats().systems.tradingpartner.requests;
		const [[failed]] = await run(sendContext([{ json: { edi: '{"hello": 1}' } }], undefined, undefined, true));
		expect(failed.json).toMatchObject({ errorClass: 'validation' });
		expect(String(failed.json.error)).toMatch(/not an X12 interchange/);
		expect(sandbox.stats().systems.tradingpartner.requests).toBe(requests);
	});
});

describe('X12 over HTTPS credential', () => {
	it('signs the exact body with a fresh timestamp, in the configured header', async () => {
		const credential = new X12HttpApi();
		const body = 'ISA*00*...~';
		const signed = await credential.authenticate({ sharedSecret: 's3cret', signatureHeader: 'X-Partner-Sig' }, { url: 'https://x', method: 'POST', body });
		const header = (signed.headers as Record<string, string>)['X-Partner-Sig'];
		expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
		expect(verifyEdiSignature('s3cret', Buffer.from(body), header, 300).valid).toBe(true);
		expect(verifyEdiSignature('s3cret', Buffer.from(`${body} `), header, 300).valid).toBe(false);
		expect(verifyEdiSignature('other', Buffer.from(body), header, 300).valid).toBe(false);
	});

	it('tests against the partner with a signed GET (the sandbox answers 200, or 401 to a wrong secret)', async () => {
		const credential = new X12HttpApi();
		const c = partnerCredentials().x12HttpApi;
		const get = async (secret: string) => {
			const signed = await credential.authenticate({ ...c, sharedSecret: secret }, { url: String(c.partnerUrl), method: 'GET' });
			return (await fetch(String(c.partnerUrl), { headers: signed.headers as Record<string, string> })).status;
		};
		expect(credential.test.request.url).toBe('={{$credentials.partnerUrl}}');
		expect(await get(String(c.sharedSecret))).toBe(200);
		expect(await get('wrong')).toBe(401);
	});
});
