import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { errorClassOf } from '../../../common/errors';
import { fn } from '../../transport';
import { inputProperties, objectProperties, recordFields, sendOne, stamp, writeOptions } from '../common';
import { checkRequired, objectOf, quote } from '../objects';
import type { IntacctObjectDef } from '../objects';

const properties: INodeProperties[] = [
	...objectProperties,
	...inputProperties,
	{
		...writeOptions,
		// Upsert reads before it writes, so it cannot join a batch.
		options: (writeOptions.options ?? []).filter((o) => o.name === 'uniqueId'),
	},
];

export const description = stamp('upsert', properties);

async function findByExternalId(ctx: IExecuteFunctions, def: IntacctObjectDef, id: string, itemIndex: number): Promise<IDataObject | undefined> {
	const result = await sendOne(
		ctx,
		{
			fn: fn('find', 'readByQuery', { object: def.object, fields: `RECORDNO,${def.idField}`, query: `${def.idField} = ${quote(id)}`, pagesize: '1' }),
			def,
			subject: `${def.object} ${def.idField}=${id}`,
		},
		itemIndex,
		false,
	);
	return result.records[0] as IDataObject | undefined;
}

/**
 * Create or update by the object's ID (CUSTOMERID, VENDORID, ITEMID): read first, then update the
 * record found or create it. A create refused as duplicate (another run created it meanwhile)
 * turns into an update, so repeating a run never creates a second record.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const def = objectOf(this, itemIndex);
	if (!def.idField) {
		throw new NodeOperationError(this.getNode(), `Object: Upsert needs an object with an ID field (CUSTOMER, VENDOR, ITEM), not ${def.object}`, {
			itemIndex,
		});
	}
	const fields = recordFields(this, def, itemIndex);
	const id = String(fields[def.idField] ?? '').trim();
	if (!id) throw new NodeOperationError(this.getNode(), `${def.idField} is required to upsert a ${def.object} record`, { itemIndex });
	const subject = `${def.object} ${def.idField}=${id}`;
	const update = async (existing: IDataObject) => {
		// Updated by its ID: a RECORDNO in the input may belong to another company's copy.
		const changes: IDataObject = { ...fields, [def.idField as string]: id };
		delete changes.RECORDNO;
		const result = await sendOne(
			this,
			{ fn: fn(String(itemIndex), 'update', { [def.object]: changes }), def, subject },
			itemIndex,
			true,
		);
		return { ...(result.records[0] as IDataObject | undefined), RECORDNO: existing.RECORDNO, [def.idField as string]: id, action: 'updated' };
	};
	const existing = await findByExternalId(this, def, id, itemIndex);
	if (existing) return await update(existing);
	checkRequired(this, def, fields, itemIndex);
	let failure: unknown;
	try {
		const result = await sendOne(this, { fn: fn(String(itemIndex), 'create', { [def.object]: fields }), def, subject }, itemIndex, true);
		return { ...(result.records[0] as IDataObject | undefined), action: 'created' };
	} catch (error) {
		failure = error;
	}
	const raced = errorClassOf(failure) === 'duplicate' ? await findByExternalId(this, def, id, itemIndex) : undefined;
	if (!raced) throw failure;
	return await update(raced);
}
