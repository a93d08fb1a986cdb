import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../common/execution';
import { credentialSecrets, intacctCall, resultError, resultFor } from '../transport';
import type { IntacctResponse } from '../transport';
import type { PreparedFunction } from './common';
import type { batchable } from './record/Record.resource';

/** Functions per request: large enough to save round trips, small enough to stay far from the 15-minute gateway timeout. */
export const BATCH_SIZE = 100;

type Prepared = { ok: true; prepared: PreparedFunction } | { ok: false; error: unknown };

/**
 * Batch mode: one function per input item (controlid = item index) in as few requests as possible,
 * then the pack's item loop hands out each item's own result. A failing function fails only its
 * item (continueOnFail / error output apply per item) and the other items keep their results; with
 * All or Nothing the gateway rolls the others back and reports them as aborted.
 */
export async function runBatch(
	ctx: IExecuteFunctions,
	module: (typeof batchable)[keyof typeof batchable],
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const prepared: Prepared[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push({ ok: true, prepared: await module.prepare(ctx, i) });
		} catch (error) {
			prepared.push({ ok: false, error });
		}
	}
	const ready = prepared.map((p, i) => ({ p, i })).filter((entry) => entry.p.ok);
	const responses = new Map<number, { response?: IntacctResponse; error?: unknown }>();
	for (let start = 0; start < ready.length; start += BATCH_SIZE) {
		const chunk = ready.slice(start, start + BATCH_SIZE);
		const uniqueId = options.uniqueId !== false;
		try {
			const response = await intacctCall(
				ctx,
				chunk.map(({ p }) => (p as { prepared: PreparedFunction }).prepared.fn),
				{
					transaction: options.transaction === true,
					uniqueId,
					controlKey: `batch:${start}`,
					idempotent: uniqueId,
				},
			);
			for (const { i } of chunk) responses.set(i, { response });
		} catch (error) {
			// The whole request failed (sign-in, gateway): every item of it carries that error.
			for (const { i } of chunk) responses.set(i, { error });
		}
	}
	const secrets = await credentialSecrets(ctx);
	return await runPerItem(ctx, async (itemIndex) => {
		const entry = prepared[itemIndex];
		if (!entry.ok) throw entry.error;
		const sent = responses.get(itemIndex);
		if (!sent?.response) throw sent?.error;
		const result = resultFor(ctx.getNode(), sent.response, entry.prepared.fn.controlId, itemIndex);
		if (result.status !== 'success') {
			throw resultError(ctx.getNode(), result, { itemIndex, secrets, subject: entry.prepared.subject });
		}
		return module.interpret(ctx, itemIndex, result, entry.prepared);
	});
}
