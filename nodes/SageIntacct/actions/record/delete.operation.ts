import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fn } from '../../transport';
import type { IntacctResult } from '../../transport';
import { keyParameter, objectProperties, recordLocator, sendOne, stamp, writeOptions } from '../common';
import type { PreparedFunction } from '../common';
import { objectOf, recordNo } from '../objects';

const properties: INodeProperties[] = [
	...objectProperties,
	recordLocator(),
	writeOptions,
];

export const description = stamp('delete', properties);

export async function prepare(ctx: IExecuteFunctions, itemIndex: number): Promise<PreparedFunction> {
	const def = objectOf(ctx, itemIndex);
	const key = recordNo(ctx, keyParameter(ctx, itemIndex), 'Record', itemIndex);
	return { fn: fn(String(itemIndex), 'delete', { object: def.object, keys: key }), def, subject: `${def.object} RECORDNO=${key}`, key };
}

export function interpret(_ctx: IExecuteFunctions, _itemIndex: number, _result: IntacctResult, prepared: PreparedFunction): IDataObject {
	return { object: prepared.def.object, RECORDNO: prepared.key ?? '', deleted: true };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const prepared = await prepare(this, itemIndex);
	return interpret(this, itemIndex, await sendOne(this, prepared, itemIndex, true), prepared);
}
