import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fn } from '../../transport';
import type { IntacctResult } from '../../transport';
import { inputProperties, keyParameter, objectProperties, recordFields, recordLocator, sendOne, stamp, writeOptions } from '../common';
import type { PreparedFunction } from '../common';
import { objectOf, recordNo } from '../objects';

const properties: INodeProperties[] = [
	...objectProperties,
	{
		...recordLocator('Record', false),
		description: 'The record to update. Empty uses RECORDNO, or the ID field (CUSTOMERID, VENDORID, ITEMID), from the fields.',
	},
	...inputProperties,
	writeOptions,
];

export const description = stamp('update', properties);

export async function prepare(ctx: IExecuteFunctions, itemIndex: number): Promise<PreparedFunction> {
	const def = objectOf(ctx, itemIndex);
	const fields = { ...recordFields(ctx, def, itemIndex) };
	const key = keyParameter(ctx, itemIndex);
	let subject: string;
	if (key) {
		fields.RECORDNO = recordNo(ctx, key, 'Record', itemIndex);
		subject = `${def.object} RECORDNO=${String(fields.RECORDNO)}`;
	} else if (fields.RECORDNO !== undefined && fields.RECORDNO !== '') {
		fields.RECORDNO = recordNo(ctx, fields.RECORDNO, 'RECORDNO', itemIndex);
		subject = `${def.object} RECORDNO=${String(fields.RECORDNO)}`;
	} else if (def.idField && fields[def.idField]) {
		subject = `${def.object} ${def.idField}=${String(fields[def.idField])}`;
	} else {
		throw new NodeOperationError(
			ctx.getNode(),
			`Record is required to update a ${def.object} record${def.idField ? ` (or ${def.idField} in the fields)` : ''}`,
			{ itemIndex },
		);
	}
	if (Object.keys(fields).filter((k) => k !== 'RECORDNO' && k !== def.idField).length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Fields (JSON): give at least one field to change', { itemIndex });
	}
	return { fn: fn(String(itemIndex), 'update', { [def.object]: fields }), def, subject };
}

export function interpret(_ctx: IExecuteFunctions, _itemIndex: number, result: IntacctResult): IDataObject {
	return (result.records[0] as IDataObject | undefined) ?? { success: true };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const prepared = await prepare(this, itemIndex);
	return interpret(this, itemIndex, await sendOne(this, prepared, itemIndex, true));
}
