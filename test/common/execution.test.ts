import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { toNodeApiError } from '../../nodes/common/errors';
import { runPerItem } from '../../nodes/common/execution';
import { createExecuteContext } from '../helpers/fakeContext';
import { testMapper } from './testSupport';

const items = (n: number): INodeExecutionData[] => Array.from({ length: n }, (_, i) => ({ json: { n: i } }));

describe('runPerItem', () => {
	it('pairs every output item with its input, also when one input yields several or none', async () => {
		const ctx = createExecuteContext({ items: items(4) });
		const output = await runPerItem(ctx, async (i, item) => {
			if (i === 1) return undefined;
			if (i === 2) return [{ a: 1 }, { a: 2 }, { a: 3 }];
			return { echo: item.json.n };
		});
		expect(output.map((o) => [o.json, o.pairedItem])).toEqual([
			[{ echo: 0 }, { item: 0 }],
			[{ a: 1 }, { item: 2 }],
			[{ a: 2 }, { item: 2 }],
			[{ a: 3 }, { item: 2 }],
			[{ echo: 3 }, { item: 3 }],
		]);
	});

	it('keeps binary data of returned execution items and wraps records that merely have a "json" field', async () => {
		const ctx = createExecuteContext({ items: items(2) });
		const binary = { data: { data: 'aGk=', mimeType: 'text/plain' } };
		const records: IDataObject[] = [
			{ id: 7, json: '{"raw":true}' },
			{ id: 8, json: { raw: true } },
		];
		const output = await runPerItem(ctx, async (i) => (i === 0 ? [{ json: { file: true }, binary }] : records));
		expect(output[0]).toEqual({ json: { file: true }, binary, pairedItem: { item: 0 } });
		expect(output.slice(1)).toEqual(records.map((json) => ({ json, pairedItem: { item: 1 } })));
	});

	it('with continueOnFail emits an error item paired to the failing input and goes on', async () => {
		const ctx = createExecuteContext({ items: items(3), continueOnFail: true });
		const output = await runPerItem(ctx, async (i) => {
			if (i === 1) {
				throw toNodeApiError(ctx.getNode(), { statusCode: 409, headers: {}, body: { message: 'stale' } }, testMapper, {
					itemIndex: i,
				});
			}
			return { ok: i };
		});
		expect(output).toHaveLength(3);
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[1].json).toMatchObject({ error: 'Test API 409: stale', errorClass: 'conflict' });
		expect(output[1].json.description).toContain('fetch it again');
		// With the regular output the json is the whole report: no item-level error that n8n would reduce it to.
		expect(output[1].error).toBeUndefined();
		expect(output[2]).toEqual({ json: { ok: 2 }, pairedItem: { item: 2 } });
	});

	it('with continueOnFail reports plain errors and thrown strings as class unknown', async () => {
		const ctx = createExecuteContext({ items: items(2), continueOnFail: true });
		const output = await runPerItem(ctx, async (i) => {
			if (i === 0) throw new Error('plain failure');
			throw 'a string';
		});
		expect(output.map((o) => o.json)).toEqual([
			{ error: 'plain failure', errorClass: 'unknown' },
			{ error: 'a string', errorClass: 'unknown' },
		]);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('with "Continue (using error output)" attaches the error n8n routes on, carrying the item index', async () => {
		const ctx = createExecuteContext({ items: items(2), continueOnFail: true, node: { onError: 'continueErrorOutput' } });
		const output = await runPerItem(ctx, async (i) => {
			if (i === 1) throw new Error('second failed');
			return { ok: i };
		});
		expect(output[0].error).toBeUndefined();
		expect(output[1].error?.message).toBe('second failed');
		expect(output[1].error?.context.itemIndex).toBe(1);
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});

	it('without continueOnFail throws an error carrying the failing item index', async () => {
		const ctx = createExecuteContext({ items: items(3) });
		const plain = await runPerItem(ctx, async (i) => {
			if (i === 2) throw new Error('third failed');
			return {};
		}).catch((e: unknown) => e);
		expect(plain).toBeInstanceOf(NodeOperationError);
		expect((plain as NodeOperationError).context.itemIndex).toBe(2);
		expect((plain as Error).message).toBe('third failed');

		const api = await runPerItem(ctx, async (i) => {
			if (i === 1) throw toNodeApiError(ctx.getNode(), { statusCode: 404, headers: {}, body: {} }, testMapper);
			return {};
		}).catch((e: unknown) => e);
		expect(api).toBeInstanceOf(NodeApiError);
		expect((api as NodeApiError).context).toMatchObject({ itemIndex: 1, errorClass: 'not_found' });
	});

	it('keeps an item index the error already has', async () => {
		const ctx = createExecuteContext({ items: items(2) });
		const error = await runPerItem(ctx, async () => {
			throw new NodeOperationError(ctx.getNode(), 'from a batch', { itemIndex: 5 });
		}).catch((e: unknown) => e);
		expect((error as NodeOperationError).context.itemIndex).toBe(5);
	});
});
