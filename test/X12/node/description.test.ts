import { X12HttpApi } from '../../../credentials/X12HttpApi.credentials';
import { X12Edi } from '../../../nodes/X12/X12Edi.node';
import { operations, WITH_REJECTED_OUTPUT } from '../../../nodes/X12/actions/operations';
import { binaryItem, corpus, PARTNER, run, x12Context } from './helpers';

const description = new X12Edi().description;

/** Evaluates the node's outputs expression the way n8n does: `={{ … }}` with `$parameter`. */
function outputsFor(operation: string): Array<{ type: string; displayName?: string }> {
	const expression = description.outputs as string;
	expect(expression.startsWith('={{') && expression.endsWith('}}')).toBe(true);
	return new Function('$parameter', `return ${expression.slice(3, -2)}`)({ operation }) as Array<{ type: string; displayName?: string }>;
}

describe('X12 EDI node description', () => {
	const operationValues = (description.properties.find((p) => p.name === 'operation')?.options ?? []).map((o) => (o as { value: string }).value);

	it('offers every implemented operation, and only those', () => {
		expect([...operationValues].sort()).toEqual(Object.keys(operations).sort());
		expect(description).toMatchObject({ name: 'x12Edi', displayName: 'X12 EDI', usableAsTool: true });
	});

	it('declares the Rejected output exactly for the operations that fill it', () => {
		for (const operation of operationValues) {
			const outputs = outputsFor(operation);
			expect(outputs.map((o) => o.displayName ?? '')).toEqual(WITH_REJECTED_OUTPUT.includes(operation) ? ['Sets', 'Rejected'] : ['']);
		}
	});

	it('returns as many outputs as it declares', async () => {
		const edi = corpus('850-4010VICS-nodex12-basic.edi');
		for (const operation of ['parse', 'validate', 'acknowledge', 'toCanonical']) {
			const ctx = x12Context({
				parameters: { operation, binaryPropertyName: 'data', ackType: '997', options: {} },
				items: [binaryItem(edi)],
				credentials: { x12TradingPartner: PARTNER },
			});
			expect((await run(ctx)).length).toBe(outputsFor(operation).length);
		}
	});

	it('tests its two settings credentials with methods it provides (X12 over HTTPS has its own test request)', () => {
		const methods = new X12Edi().methods.credentialTest as Record<string, unknown>;
		for (const credential of (description.credentials ?? []).filter((c) => c.name !== 'x12HttpApi')) {
			expect(typeof methods[credential.testedBy as string]).toBe('function');
		}
		expect((description.credentials ?? []).map((c) => c.name).sort()).toEqual(['interopStateStore', 'x12HttpApi', 'x12TradingPartner']);
		expect(new X12HttpApi().test.request.method).toBe('GET');
	});

	it('reports a trading partner credential that cannot be used', async () => {
		const { x12TradingPartnerTest } = new X12Edi().methods.credentialTest;
		const ok = await x12TradingPartnerTest({ id: '1', name: 'p', type: 'x12TradingPartner', data: PARTNER });
		const bad = await x12TradingPartnerTest({ id: '1', name: 'p', type: 'x12TradingPartner', data: { ...PARTNER, ourIsaId: 'A'.repeat(16) } });

		expect(ok).toEqual({ status: 'OK', message: 'Valid: ZZ:OURCOMPANY → 01:4405197800, version 004010' });
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/longer than 15/);
	});
});
