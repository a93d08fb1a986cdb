import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { DeltaKeyError, type DeletedRecord } from '../core/engine';
import { DELTA_FIELD, engineFor, keyFieldsField, splitFields, type DiffOptions } from './common';

const show = { show: { operation: ['diff'] } };

export const description: INodeProperties[] = [
	keyFieldsField(['diff']),
	{
		displayName: 'Compare',
		name: 'compareMode',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All Fields', value: 'all', description: 'Every field except the key fields' },
			{ name: 'Only These Fields', value: 'only' },
			{ name: 'All Fields Except', value: 'except' },
		],
		displayOptions: show,
	},
	{
		displayName: 'Fields',
		name: 'compareFields',
		type: 'string',
		default: '',
		placeholder: 'price, qty, name',
		description: 'Comma-separated field names',
		displayOptions: { show: { operation: ['diff'], compareMode: ['only', 'except'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Commit Without Confirm',
				name: 'autoCommit',
				type: 'boolean',
				default: false,
				description:
					'Whether to take every difference into the snapshot at once. Off: only records passed to a Confirm step are committed, so a failed write is offered again next run.',
			},
			{
				displayName: 'Detect Deletions',
				name: 'detectDeletions',
				type: 'boolean',
				default: false,
				description: 'Whether records missing from this run (but in the snapshot) go to the Deleted output. Only when the input is the complete dataset.',
			},
			{
				displayName: 'Keep Old Values',
				name: 'keepOldValues',
				type: 'boolean',
				default: true,
				description: 'Whether to store the compared values so Changed items list old and new values (off: only which fields changed is lost; the status is still exact)',
			},
			{
				displayName: 'Treat Empty as Missing',
				name: 'looseEmpty',
				type: 'boolean',
				default: false,
				description: 'Whether strings are compared trimmed and null, empty and missing values count as equal',
			},
		],
	},
];

/** A deleted record's item: its key fields, its last committed values (when kept) and the delta info. */
function deletedItem(record: DeletedRecord, keyFields: string[], scope: string): INodeExecutionData {
	const keys = keyFields.length === 1 ? [record.key] : (JSON.parse(record.key) as string[]);
	const json: IDataObject = { ...(record.old ?? {}) };
	keyFields.forEach((field, i) => (json[field] = keys[i]));
	json[DELTA_FIELD] = { scope, key: record.key, status: 'deleted' };
	return { json };
}

/** Four outputs: New, Changed, Unchanged, Deleted. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as DiffOptions;
	const engine = await engineFor(this, options);
	const keyFields = splitFields(String(this.getNodeParameter('keyFields', 0)));
	const outputs: INodeExecutionData[][] = [[], [], [], []];

	// Items without a usable key fail alone (error output / continue on fail); the rest are diffed.
	const valid: number[] = [];
	const seen = new Map<string, number>();
	for (let i = 0; i < items.length; i++) {
		try {
			const key = engine.keyOf(items[i].json, i);
			const first = seen.get(key);
			if (first !== undefined) throw new DeltaKeyError(`Item ${i} repeats key ${key} of item ${first}: each record must have its own key`, i);
			seen.set(key, i);
			valid.push(i);
		} catch (error) {
			const nodeError = new NodeOperationError(this.getNode(), (error as Error).message, {
				itemIndex: i,
				description: 'Check the Key Fields setting and that every item has a value there, unique across the input.',
			});
			if (!this.continueOnFail()) throw nodeError;
			outputs[0].push({ json: { error: nodeError.message, description: nodeError.description ?? '' }, pairedItem: { item: i } });
		}
	}

	const results = await engine.diff(
		valid.map((i) => items[i].json),
		{ commit: options.autoCommit === true },
	);
	const scope = engine.scope;
	results.forEach((result, n) => {
		const i = valid[n];
		const delta: IDataObject = { scope, key: result.key, status: result.status };
		if (result.changes) {
			delta.changedFields = result.changes.map((c) => c.field);
			delta.changes = result.changes as unknown as IDataObject[];
		}
		const target = result.status === 'new' ? 0 : result.status === 'changed' ? 1 : 2;
		outputs[target].push({ json: { ...items[i].json, [DELTA_FIELD]: delta }, ...(items[i].binary ? { binary: items[i].binary } : {}), pairedItem: { item: i } });
	});
	if (options.detectDeletions) {
		for await (const batch of engine.deleted({ commit: options.autoCommit === true })) {
			for (const record of batch) outputs[3].push(deletedItem(record, keyFields, scope));
		}
	}
	if (options.autoCommit) await engine.flush();
	return outputs;
}
