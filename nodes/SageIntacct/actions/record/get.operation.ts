import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fn } from '../../transport';
import { fieldsOption, keyParameter, objectProperties, outputOption, recordLocator, sendOne, shipperDefinitionsOption, stamp, toOutput } from '../common';
import { docparidOf, objectOf, quote, recordNo } from '../objects';

const properties: INodeProperties[] = [
	...objectProperties,
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		default: 'recordNo',
		options: [
			{ name: 'ID (CUSTOMERID, VENDORID, ITEMID…)', value: 'id', description: 'The object’s business key' },
			{ name: 'Record Number (RECORDNO)', value: 'recordNo' },
		],
	},
	{ ...recordLocator(), displayOptions: { show: { lookupBy: ['recordNo'] } } },
	{
		displayName: 'ID',
		name: 'idValue',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. C-01001',
		displayOptions: { show: { lookupBy: ['id'] } },
		description: 'The value of the object’s ID field (CUSTOMERID, VENDORID, ITEMID…)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [fieldsOption, outputOption(), shipperDefinitionsOption],
	},
];

export const description = stamp('get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const def = objectOf(this, itemIndex);
	const lookupBy = this.getNodeParameter('lookupBy', itemIndex, 'recordNo') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields = String(options.fields ?? '*').trim() || '*';
	const docparid = docparidOf(this, def, itemIndex, false);
	const rawKey = lookupBy === 'id' ? String(this.getNodeParameter('idValue', itemIndex, '') ?? '').trim() : keyParameter(this, itemIndex);
	let subject: string;
	let prepared;
	if (lookupBy === 'id') {
		if (!def.idField) {
			throw new NodeOperationError(this.getNode(), `Look Up By: ${def.object} has no ID field; use the record number`, { itemIndex });
		}
		if (!rawKey) throw new NodeOperationError(this.getNode(), `ID: enter the ${def.idField} to look up`, { itemIndex });
		subject = `${def.object} ${def.idField}=${rawKey}`;
		prepared = fn('get', 'readByQuery', {
			object: def.object,
			fields,
			query: `${def.idField} = ${quote(rawKey)}`,
			pagesize: '1',
			...(docparid ? { docparid } : {}),
		});
	} else {
		const key = recordNo(this, rawKey, 'Record', itemIndex);
		subject = `${def.object} RECORDNO=${key}`;
		prepared = fn('get', 'read', { object: def.object, keys: key, fields, ...(docparid ? { docparid } : {}) });
	}
	const result = await sendOne(this, { fn: prepared, def, subject }, itemIndex, false);
	if (result.records.length === 0) {
		const error = new NodeOperationError(this.getNode(), `Sage Intacct has no ${subject}`, {
			itemIndex,
			description: 'Check the key and the object; the record may have been deleted.',
		});
		error.context.errorClass = 'not_found';
		throw error;
	}
	return toOutput(def, result.records.slice(0, 1), options);
}
