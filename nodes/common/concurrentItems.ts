import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from './execution';
import type { ItemResult } from './execution';

type Settled = { ok: true; value: ItemResult } | { ok: false; error: unknown };

/**
 * `runPerItem` with up to `concurrency` items in flight: handlers run in parallel, then their
 * results go through `runPerItem` in input order, so pairing, continueOnFail and error indexes are
 * exactly those of the sequential loop. Without continueOnFail no new item starts after a failure.
 * Vendor limits are the transport's business (its limiters), not this loop's.
 */
export async function runPerItemConcurrently(
	ctx: IExecuteFunctions,
	concurrency: number,
	handler: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	if (concurrency <= 1 || items.length <= 1) return await runPerItem(ctx, handler);

	const settled: Array<Settled | undefined> = new Array(items.length);
	const continueOnFail = ctx.continueOnFail();
	let next = 0;
	let stopped = false;
	const worker = async () => {
		while (!stopped && next < items.length) {
			const index = next++;
			try {
				settled[index] = { ok: true, value: await handler(index, items[index]) };
			} catch (error) {
				settled[index] = { ok: false, error };
				if (!continueOnFail) stopped = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));

	return await runPerItem(ctx, async (index) => {
		const result = settled[index];
		// Only items after a failure can be missing; the loop throws at that failure before reaching them.
		if (!result) return undefined;
		if (!result.ok) throw result.error;
		return result.value;
	});
}
