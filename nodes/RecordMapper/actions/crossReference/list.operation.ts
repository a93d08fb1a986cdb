import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { listParameter, xrefTable } from '../common';
import { entityJson } from './common';

const show = { resource: ['crossReference'], operation: ['list'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit().map((field) => ({ ...field, displayOptions: { show: { ...show, ...(field.displayOptions?.show ?? {}) } } })),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Has IDs In',
				name: 'withSystems',
				type: 'string',
				default: '',
				placeholder: 'netSuite, connectWisePsa',
				description: 'Comma-separated: only entities with an ID in every one of these systems',
			},
			{
				displayName: 'Missing IDs In',
				name: 'withoutSystems',
				type: 'string',
				default: '',
				placeholder: 'stripe',
				description: 'Comma-separated: only entities with no ID in these systems (e.g. customers not yet created in billing)',
			},
		],
	},
];

/** Entities of the table in ID order, one item each. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const table = await xrefTable(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { withSystems?: string; withoutSystems?: string };
	const out: IDataObject[] = [];
	let after: string | undefined;
	do {
		const page = await table.list({
			limit: Math.min(1000, limit - out.length),
			after,
			withSystems: listParameter(filters.withSystems),
			withoutSystems: listParameter(filters.withoutSystems),
		});
		out.push(...page.items.map((entity) => entityJson(table, entity)));
		after = page.next;
	} while (after && out.length < limit);
	return out;
}
