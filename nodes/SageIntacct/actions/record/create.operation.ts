import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fn } from '../../transport';
import type { IntacctResult } from '../../transport';
import { inputProperties, objectProperties, recordFields, sendOne, stamp, writeOptions } from '../common';
import type { PreparedFunction } from '../common';
import { checkRequired, docparidOf, objectOf } from '../objects';

const properties: INodeProperties[] = [
	{
		displayName:
			'Sage Intacct has no idempotency key for creates: use Upsert for customers, vendors and items to make repeated runs safe',
		name: 'createNotice',
		type: 'notice',
		default: '',
	},
	...objectProperties,
	...inputProperties,
	writeOptions,
];

export const description = stamp('create', properties);

export async function prepare(ctx: IExecuteFunctions, itemIndex: number): Promise<PreparedFunction> {
	const def = objectOf(ctx, itemIndex);
	const fields = recordFields(ctx, def, itemIndex);
	const docparid = docparidOf(ctx, def, itemIndex, fields.TRANSACTIONTYPE === undefined);
	if (def.document && docparid) fields.TRANSACTIONTYPE = docparid;
	checkRequired(ctx, def, fields, itemIndex);
	const id = def.idField ? fields[def.idField] : undefined;
	return {
		fn: fn(String(itemIndex), 'create', { [def.object]: fields }),
		def,
		subject: `${def.object}${id ? ` ${def.idField}=${String(id)}` : ''} of item ${itemIndex}`,
	};
}

export function interpret(_ctx: IExecuteFunctions, _itemIndex: number, result: IntacctResult): IDataObject {
	return (result.records[0] as IDataObject | undefined) ?? { success: true };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const prepared = await prepare(this, itemIndex);
	return interpret(this, itemIndex, await sendOne(this, prepared, itemIndex, true));
}
