import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { DELTA_FIELD, engineFor } from './common';

export const description: INodeProperties[] = [
	{
		displayName: 'Key',
		name: 'confirmKey',
		type: 'string',
		default: '={{ $json._delta?.key }}',
		description:
			"The record key that Compare put in _delta.key. When the write step replaced the item, read the key from the Delta Sync item through $('Delta Sync').item (see the node docs).",
		displayOptions: { show: { operation: ['confirm'] } },
	},
];

/**
 * Commits what Compare left pending for each item's key; items pass through with `_delta.confirmed`.
 * A key with nothing pending (confirmed before, or never compared) is reported, not an error.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const keys = items.map((_, i) => {
		const key = this.getNodeParameter('confirmKey', i, '') as unknown;
		if (key === undefined || key === null || key === '') {
			throw new NodeOperationError(this.getNode(), `Item ${i} has no key to confirm`, {
				itemIndex: i,
				description: "Set Key to the _delta.key from the Delta Sync compare step, e.g. {{ $('Delta Sync').item.json._delta.key }}.",
			});
		}
		return String(key);
	});
	const engine = await engineFor(this);
	const { confirmed } = await engine.confirm(keys);
	const done = new Set(confirmed);
	return [
		items.map((item, i) => {
			const delta = (item.json[DELTA_FIELD] ?? {}) as IDataObject;
			return {
				json: { ...item.json, [DELTA_FIELD]: { ...delta, key: keys[i], confirmed: done.has(keys[i]) } },
				...(item.binary ? { binary: item.binary } : {}),
				pairedItem: { item: i },
			};
		}),
	];
}
