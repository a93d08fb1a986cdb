import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, NodeOperationError } from 'n8n-workflow';

import { errorClassOf } from '../../../common/errors';
import { RecordMapperError } from '../../core/errors';
import { setPath } from '../../core/paths';
import { checkId, checkSystem, type XrefEntity } from '../../core/xref';
import { toNodeError, xrefTable } from '../common';
import { SYSTEM_HINT, entityJson } from './common';

const show = { resource: ['crossReference'], operation: ['lookup'] };

export const description: INodeProperties[] = [
	{
		displayName: 'System',
		name: 'lookupSystem',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'netSuite',
		description: `The system of the ID to look up. ${SYSTEM_HINT}.`,
		displayOptions: { show },
	},
	{
		displayName: 'ID',
		name: 'lookupId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.customerId }}',
		description: "The record's ID in that system",
		displayOptions: { show },
	},
	{
		displayName: 'If Not Found',
		name: 'notFound',
		type: 'options',
		noDataExpression: true,
		default: 'output',
		options: [
			{ name: 'Send to Not Found Output', value: 'output', description: 'A second output, e.g. to create the missing record and link it' },
			{ name: 'Continue on Found Output', value: 'passThrough', description: 'The item goes on with the result field set to null' },
			{ name: 'Fail', value: 'error' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Put Result in Field',
		name: 'resultField',
		type: 'string',
		default: '_xref',
		description: 'The input item goes on with the entity (table, entity ID, IDs per system, label) in this field (dotted path). Empty: the output item is the entity alone.',
		displayOptions: { show },
	},
];

/**
 * Looks up every item's ID in two store round trips (index entries, then entities) and sends each item
 * to Found or Not Found. An item whose parameters are invalid fails alone.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const notFound = this.getNodeParameter('notFound', 0) as string;
	const routed: Array<{ itemIndex: number; output: 0 | 1; data: INodeExecutionData }> = [];
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
	const fail = (error: unknown, itemIndex: number) => {
		const nodeError = toNodeError(this, error, itemIndex) as NodeOperationError;
		if (!this.continueOnFail()) throw nodeError;
		const json = { error: nodeError.message, ...(nodeError.description ? { description: nodeError.description } : {}), errorClass: errorClassOf(nodeError) };
		routed.push({ itemIndex, output: 0, data: { json, ...(toErrorOutput ? { error: nodeError } : {}), pairedItem: { item: itemIndex } } });
	};

	// Group by table (an expression may name a table per item), then look up each group at once.
	const groups = new Map<string, Array<{ itemIndex: number; system: string; id: string }>>();
	for (let i = 0; i < items.length; i++) {
		try {
			const table = String(this.getNodeParameter('table', i)).trim();
			const system = checkSystem(this.getNodeParameter('lookupSystem', i));
			const id = checkId(this.getNodeParameter('lookupId', i), system);
			groups.set(table, [...(groups.get(table) ?? []), { itemIndex: i, system, id }]);
		} catch (error) {
			fail(error, i);
		}
	}
	const results = new Map<number, { entity?: XrefEntity; table: Awaited<ReturnType<typeof xrefTable>> }>();
	for (const [name, asks] of groups) {
		let table;
		try {
			table = await xrefTable(this, asks[0].itemIndex, name);
		} catch (error) {
			for (const ask of asks) fail(error, ask.itemIndex);
			continue;
		}
		const entities = await table.lookupMany(asks);
		asks.forEach((ask, n) => results.set(ask.itemIndex, { entity: entities[n], table: table! }));
	}

	for (const [itemIndex, { entity, table }] of results) {
		const item = items[itemIndex];
		const resultField = (this.getNodeParameter('resultField', itemIndex, '_xref') as string).trim();
		const value = entity ? entityJson(table, entity) : null;
		if (!entity && notFound === 'error') {
			const system = this.getNodeParameter('lookupSystem', itemIndex) as string;
			fail(new RecordMapperError(`${system} ID "${this.getNodeParameter('lookupId', itemIndex)}" is not in table "${table.table}"`, 'not_found', 'Upsert it first, or set If Not Found to another choice.'), itemIndex);
			continue;
		}
		let json: IDataObject;
		if (resultField) {
			json = structuredClone(item.json);
			setPath(json, resultField, value);
		} else {
			json = value ?? { table: table.table, found: false };
		}
		const out: INodeExecutionData = { json, ...(item.binary ? { binary: item.binary } : {}), pairedItem: { item: itemIndex } };
		routed.push({ itemIndex, output: entity || notFound !== 'output' ? 0 : 1, data: out });
	}
	routed.sort((a, b) => a.itemIndex - b.itemIndex);
	const outputs: INodeExecutionData[][] = notFound === 'output' ? [[], []] : [[]];
	for (const { output, data } of routed) outputs[output].push(data);
	return outputs;
}
