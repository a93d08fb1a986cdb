import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isCanonical } from '../../common/canonical';
import type { CanonicalRecord } from '../../common/canonical';
import type { ItemResult } from '../../common/execution';
import { mappingForRecordType } from '../mapping';
import { OTHER_RECORD_TYPE, recordTypeInfo, recordTypeOptions } from './recordTypes';

/** What every `<operation>.operation.ts` exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

export const recordTypeProperty: INodeProperties = {
	displayName: 'Record Type',
	name: 'recordType',
	type: 'options',
	options: recordTypeOptions,
	default: 'customer',
	description: 'The NetSuite record type (REST record ID)',
};

export const otherRecordTypeProperty: INodeProperties = {
	displayName: 'Record Type ID',
	name: 'recordTypeId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. customrecord_rebate_agreement or contact',
	description: 'Any REST record type ID of the account, including custom records (Setup > Records Catalog)',
	displayOptions: { show: { recordType: [OTHER_RECORD_TYPE] } },
};

const RECORD_TYPE_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The record type of an item, checked so a typo is named before any request. */
export function recordTypeOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const chosen = String(ctx.getNodeParameter('recordType', itemIndex));
	const value = chosen === OTHER_RECORD_TYPE ? String(ctx.getNodeParameter('recordTypeId', itemIndex, '')).trim() : chosen;
	if (!RECORD_TYPE_ID.test(value) || (chosen !== OTHER_RECORD_TYPE && !recordTypeInfo(value))) {
		throw new NodeOperationError(ctx.getNode(), `Record Type: "${value}" is not a NetSuite record type ID`, {
			itemIndex,
			description: 'Pick a record type from the list, or choose "Other" and enter a REST record ID such as "contact" or "customrecord_x".',
		});
	}
	return value;
}

export function nounOf(recordType: string): string {
	return recordTypeInfo(recordType)?.noun ?? recordType;
}

/** A record picker: from a list (SuiteQL search), by internal ID, by external ID, or by a NetSuite URL. */
export function recordLocator(name = 'recordId', displayName = 'Record'): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchRecords', searchable: true },
			},
			{
				displayName: 'By Internal ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1234',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'An internal ID is a positive whole number' } }],
			},
			{
				displayName: 'By External ID',
				name: 'externalId',
				type: 'string',
				placeholder: 'e.g. WEB-70001',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://1234567.app.netsuite.com/app/accounting/transactions/salesord.nl?id=1234',
				extractValue: { type: 'regex', regex: '[?&]id=(\\d+)' },
				validation: [{ type: 'regex', properties: { regex: '.*[?&]id=\\d+.*', errorMessage: 'The URL must contain id=<internal ID>' } }],
			},
		],
	};
}

/** The path segment of a picked record: the internal id, or `eid:<external id>`. */
export function recordIdOf(ctx: IExecuteFunctions, itemIndex: number, name = 'recordId', label = 'Record'): string {
	const raw = ctx.getNodeParameter(name, itemIndex) as { mode?: string; value?: unknown } | string;
	const locator = typeof raw === 'object' && raw !== null ? raw : { mode: 'id', value: raw };
	const extracted = String(ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) ?? '').trim();
	if (locator.mode === 'externalId') {
		if (!extracted) throw new NodeOperationError(ctx.getNode(), `${label}: enter the external ID`, { itemIndex });
		return `eid:${encodeURIComponent(extracted)}`;
	}
	if (!/^\d+$/.test(extracted)) {
		throw new NodeOperationError(ctx.getNode(), `${label}: "${extracted}" is not a NetSuite internal ID`, {
			itemIndex,
			description: 'An internal ID is a positive whole number (e.g. 1234). To pick a record by its External ID, switch the field to "By External ID".',
		});
	}
	return extracted;
}

/** A JSON parameter that may arrive as text or as an object from an expression. */
export function jsonParameter(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number, fallback: unknown = {}): IDataObject {
	const raw = ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			value = JSON.parse(raw) as unknown;
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `${label}: not valid JSON (${(error as Error).message})`, { itemIndex });
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new NodeOperationError(ctx.getNode(), `${label}: must be a JSON object`, { itemIndex });
	}
	return value as IDataObject;
}

export const inputModeProperty: INodeProperties = {
	displayName: 'Input',
	name: 'inputMode',
	type: 'options',
	default: 'fields',
	options: [
		{ name: 'NetSuite Fields (JSON)', value: 'fields', description: 'A JSON object of REST field IDs and values' },
		{ name: 'Canonical Record', value: 'canonical', description: 'A canonical record (e.g. from Record Mapper or another system), mapped to NetSuite fields' },
	],
};

export const fieldsProperty: INodeProperties = {
	displayName: 'Fields (JSON)',
	name: 'fields',
	type: 'json',
	default: '{}',
	// The JSON example must show NetSuite's own lower-case "id" key.
	// eslint-disable-next-line n8n-nodes-base/node-param-description-miscased-id
	description: 'Record fields by REST field ID. References are {"id": "123"} (or {"externalId": "X"}); lines are {"item": {"items": [{"item": {"id": "5"}, "quantity": 2}]}}.',
	displayOptions: { show: { inputMode: ['fields'] } },
};

export const canonicalProperty: INodeProperties = {
	displayName: 'Canonical Record',
	name: 'canonical',
	type: 'json',
	default: '={{ $json }}',
	description: 'The canonical record to write; by default the input item',
	displayOptions: { show: { inputMode: ['canonical'] } },
};

/** The request body of a write: the JSON fields, or the canonical record mapped to NetSuite fields. */
export function writeBody(ctx: IExecuteFunctions, recordType: string, itemIndex: number): IDataObject {
	const mode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (mode !== 'canonical') return jsonParameter(ctx, 'fields', 'Fields (JSON)', itemIndex);
	const canonical = jsonParameter(ctx, 'canonical', 'Canonical Record', itemIndex);
	const mapping = mappingForRecordType(recordType);
	const expected = canonicalTypeOf(recordType);
	if (!mapping || !expected) {
		throw new NodeOperationError(ctx.getNode(), `Canonical Record: there is no canonical mapping for the record type "${recordType}"`, { itemIndex });
	}
	if (!isCanonical(canonical) || (canonical as unknown as CanonicalRecord).type !== expected) {
		throw new NodeOperationError(ctx.getNode(), `Canonical Record: expected a canonical ${expected} (with "type": "${expected}" and "externalIds")`, { itemIndex });
	}
	return mapping.fromCanonical(canonical as unknown as CanonicalRecord);
}

/** The canonical type a record type maps to (both item types map to Item). */
export function canonicalTypeOf(recordType: string): string | undefined {
	return recordTypeInfo(recordType)?.canonical;
}

/** Names a missing required field before NetSuite does, for the known record types. */
export function checkRequired(ctx: IExecuteFunctions, recordType: string, body: IDataObject, itemIndex: number): void {
	const info = recordTypeInfo(recordType);
	if (!info) return;
	const missing = Object.entries(info.required).filter(([field]) => body[field] === undefined || body[field] === null || body[field] === '');
	if (missing.length === 0) return;
	const list = missing.map(([field, label]) => `${field} (${label})`).join(', ');
	throw new NodeOperationError(ctx.getNode(), `Field ${list} is required to create a ${info.noun}`, {
		itemIndex,
		description: `Add ${missing.map(([field]) => `"${field}"`).join(', ')} to the fields; references are written as {"id": "123"}.`,
	});
}

export const outputOptions = (recordTypes: string[]): INodeProperties => ({
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: 'raw',
	options: [
		{ name: 'Raw NetSuite Record', value: 'raw' },
		{ name: 'Canonical Record', value: 'canonical', description: `For ${recordTypes.join(', ')}` },
	],
});

export function toOutput(recordType: string, output: unknown, records: IDataObject[]): IDataObject[] {
	if (output !== 'canonical') return records;
	const mapping = mappingForRecordType(recordType);
	if (!mapping) return records;
	return records.map((record) => mapping.toCanonical(record) as unknown as IDataObject);
}

/** Body sublists that are replaced as a whole (NetSuite's `replace` query parameter) on update/upsert. */
export function replaceParam(body: IDataObject, recordType: string, replaceLines: boolean): string | undefined {
	if (!replaceLines) return undefined;
	const lists = Object.entries(body)
		.filter(([, value]) => typeof value === 'object' && value !== null && Array.isArray((value as IDataObject).items))
		.map(([key]) => key);
	const info = recordTypeInfo(recordType);
	if (info?.lines && !lists.includes(info.lines) && body[info.lines] !== undefined) lists.push(info.lines);
	return lists.length ? lists.join(',') : undefined;
}
