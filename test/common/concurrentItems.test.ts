import { runPerItemConcurrently } from '../../nodes/common/concurrentItems';
import { createExecuteContext } from '../helpers/fakeContext';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { i } }));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runPerItemConcurrently', () => {
	it('runs up to the given number of items at once and returns them paired, in input order', async () => {
		const ctx = createExecuteContext({ items: items(9) });
		let active = 0;
		let peak = 0;
		const out = await runPerItemConcurrently(ctx, 4, async (index) => {
			active++;
			peak = Math.max(peak, active);
			await wait(20 + ((9 - index) % 3) * 10);
			active--;
			return { index };
		});
		expect(peak).toBe(4);
		expect(out).toEqual(items(9).map((_, i) => ({ json: { index: i }, pairedItem: { item: i } })));
	});

	it('turns failures into error items with continue on fail', async () => {
		const ctx = createExecuteContext({ items: items(3), continueOnFail: true });
		const out = await runPerItemConcurrently(ctx, 3, async (index) => {
			if (index === 1) throw new Error('boom');
			return { index };
		});
		expect(out.map((o) => [o.json.index ?? o.json.error, o.pairedItem])).toEqual([
			[0, { item: 0 }],
			['boom', { item: 1 }],
			[2, { item: 2 }],
		]);
	});

	it('throws the first failure with its item index and starts no new item after it', async () => {
		const ctx = createExecuteContext({ items: items(10) });
		const started: number[] = [];
		const error = await runPerItemConcurrently(ctx, 2, async (index) => {
			started.push(index);
			await wait(5);
			if (index === 2) throw new Error('item 2 failed');
			return { index };
		}).catch((e: { message: string; context?: { itemIndex?: number } }) => e);
		expect(error).toMatchObject({ message: 'item 2 failed', context: { itemIndex: 2 } });
		expect(Math.max(...started)).toBeLessThanOrEqual(3);
	});

	it('is the sequential loop for one item or a concurrency of 1', async () => {
		const ctx = createExecuteContext({ items: items(3) });
		const order: number[] = [];
		await runPerItemConcurrently(ctx, 1, async (index) => {
			order.push(index);
			await wait(1);
			return {};
		});
		expect(order).toEqual([0, 1, 2]);
	});
});
