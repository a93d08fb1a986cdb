import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, NodeOperationError } from 'n8n-workflow';

import { errorClassOf } from '../../../common/errors';
import { RecordMapperError } from '../../core/errors';
import { checkMapName, checkRow, type SetResult, type ValueMapRow } from '../../core/valueMaps';
import { DOCS_URL, jsonParameter, toNodeError, valueMapStore } from '../common';
import { SYSTEM_HINT } from './common';

const show = { resource: ['valueMap'], operation: ['set'] };

const EXAMPLE = [
	{ fromSystem: 'netSuite', fromValue: 'Each', toSystem: 'canonical', toValue: 'EA' },
	{ fromSystem: 'shipHero', fromValue: 'each', toSystem: 'canonical', toValue: 'EA' },
	{ fromSystem: 'netSuite', fromValue: 'Case of 12', toSystem: 'canonical', toValue: 'CA' },
];

export const description: INodeProperties[] = [
	{
		displayName: 'Rows From',
		name: 'rowsFrom',
		type: 'options',
		noDataExpression: true,
		default: 'json',
		options: [
			{ name: 'JSON', value: 'json', description: 'A list of rows in a JSON parameter (or an expression), written once per input item' },
			{ name: 'Input Items', value: 'items', description: 'One row per input item, e.g. from a spreadsheet; all rows are written at once' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Map Name',
		name: 'mapName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'unit-of-measure',
		description: 'One map per kind of value: unit-of-measure, ship-method, order-status…',
		displayOptions: { show },
	},
	{
		displayName: 'Rows',
		name: 'rows',
		type: 'json',
		default: JSON.stringify(EXAMPLE, null, 2),
		hint: `Each row: fromSystem, fromValue, toSystem, toValue. Use toSystem "canonical" to map to the canonical value. <a href="${DOCS_URL}">Docs</a>`,
		displayOptions: { show: { ...show, rowsFrom: ['json'] } },
	},
	{
		displayName: 'From System',
		name: 'fromSystem',
		type: 'string',
		default: '={{ $json.fromSystem }}',
		description: SYSTEM_HINT,
		displayOptions: { show: { ...show, rowsFrom: ['items'] } },
	},
	{
		displayName: 'From Value',
		name: 'fromValue',
		type: 'string',
		default: '={{ $json.fromValue }}',
		displayOptions: { show: { ...show, rowsFrom: ['items'] } },
	},
	{
		displayName: 'To System',
		name: 'toSystem',
		type: 'string',
		default: '={{ $json.toSystem }}',
		description: SYSTEM_HINT,
		displayOptions: { show: { ...show, rowsFrom: ['items'] } },
	},
	{
		displayName: 'To Value',
		name: 'toValue',
		type: 'string',
		default: '={{ $json.toValue }}',
		displayOptions: { show: { ...show, rowsFrom: ['items'] } },
	},
	{
		displayName: 'Replace Whole Map',
		name: 'replace',
		type: 'boolean',
		default: false,
		description: 'Whether the map ends up holding exactly these rows (a full seed, e.g. a spreadsheet that is the master list); off: rows are added or updated',
		displayOptions: { show },
	},
];

function rowsOf(value: unknown): unknown[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) throw new RecordMapperError('Rows must be a JSON list of rows', 'validation', 'E.g. [{ "fromSystem": "netSuite", "fromValue": "Each", "toSystem": "canonical", "toValue": "EA" }].');
	return value;
}

/**
 * JSON rows: each input item writes its rows (one compare-and-set per map). Input Items: the rows of
 * all items are grouped by map and each map is written once, so a 5,000-row sheet is one write.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: Array<{ itemIndex: number; data: INodeExecutionData }> = [];
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
	const fail = (error: unknown, itemIndex: number) => {
		const nodeError = toNodeError(this, error, itemIndex) as NodeOperationError;
		if (!this.continueOnFail()) throw nodeError;
		const json = { error: nodeError.message, ...(nodeError.description ? { description: nodeError.description } : {}), errorClass: errorClassOf(nodeError) };
		out.push({ itemIndex, data: { json, ...(toErrorOutput ? { error: nodeError } : {}), pairedItem: { item: itemIndex } } });
	};
	const fromItems = this.getNodeParameter('rowsFrom', 0) === 'items';
	const groups = new Map<string, { replace: boolean; rows: Array<{ itemIndex: number; row: ValueMapRow }> }>();
	for (let i = 0; i < items.length; i++) {
		try {
			const map = checkMapName(this.getNodeParameter('mapName', i));
			const replace = this.getNodeParameter('replace', i, false) as boolean;
			if (!fromItems) {
				const rows = rowsOf(jsonParameter(this, 'rows', i, 'Rows')).map((row, n) => checkRow(row, `"${map}" row ${n + 1}`));
				const store = await valueMapStore(this, i);
				const result = await store.setRows(map, rows, { replace });
				out.push({ itemIndex: i, data: { json: { ...result } as IDataObject, pairedItem: { item: i } } });
				continue;
			}
			const row = checkRow(
				{
					fromSystem: this.getNodeParameter('fromSystem', i),
					fromValue: this.getNodeParameter('fromValue', i),
					toSystem: this.getNodeParameter('toSystem', i),
					toValue: this.getNodeParameter('toValue', i),
				},
				`"${map}" row of item ${i}`,
			);
			const group = groups.get(map) ?? { replace, rows: [] };
			group.replace ||= replace;
			group.rows.push({ itemIndex: i, row });
			groups.set(map, group);
		} catch (error) {
			fail(error, i);
		}
	}
	for (const [map, group] of groups) {
		let result: SetResult;
		try {
			const store = await valueMapStore(this, group.rows[0].itemIndex);
			result = await store.setRows(map, group.rows.map((entry) => entry.row), { replace: group.replace });
		} catch (error) {
			for (const entry of group.rows) fail(error, entry.itemIndex);
			continue;
		}
		for (const { itemIndex, row } of group.rows) {
			out.push({ itemIndex, data: { json: { ...row, mapResult: { ...result } } as IDataObject, pairedItem: { item: itemIndex } } });
		}
	}
	return [out.sort((a, b) => a.itemIndex - b.itemIndex).map((entry) => entry.data)];
}
