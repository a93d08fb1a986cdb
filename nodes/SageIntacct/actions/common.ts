import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isCanonical } from '../../common/canonical';
import type { ItemResult } from '../../common/execution';
import { canonicalTypeFor, sageIntacctMappings, toCanonical } from '../mapping';
import type { IntacctResult } from '../transport';
import { intacctCall, resultError, resultFor, credentialSecrets } from '../transport';
import type { IntacctFunction } from '../transport';
import { objectOptions, OTHER_OBJECT } from './objects';
import type { IntacctObjectDef } from './objects';

/** What every `<operation>.operation.ts` exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

/** A write that can also travel in a batch: the function of one item, and its output from the result. */
export interface WriteOperationModule extends OperationModule {
	prepare(ctx: IExecuteFunctions, itemIndex: number): Promise<PreparedFunction>;
	interpret(ctx: IExecuteFunctions, itemIndex: number, result: IntacctResult, prepared: PreparedFunction): IDataObject;
}

export interface PreparedFunction {
	fn: IntacctFunction;
	def: IntacctObjectDef;
	/** How the record is named in messages, e.g. "CUSTOMER CUSTOMERID=C-100". */
	subject: string;
	key?: string;
}

export function stamp(operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['record'], operation: [operation] } }, properties);
}

export const objectProperties: INodeProperties[] = [
	{
		displayName: 'Object',
		name: 'object',
		type: 'options',
		options: objectOptions(),
		default: 'CUSTOMER',
		description: 'The Sage Intacct object to work with',
	},
	{
		displayName: 'Object Name',
		name: 'objectName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. CONTACT',
		displayOptions: { show: { object: [OTHER_OBJECT] } },
		description: 'Object name of the XML API, in capitals',
	},
	{
		displayName: 'Transaction Definition Name or ID',
		name: 'transactionDefinition',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTransactionDefinitions', loadOptionsDependsOn: ['object'] },
		default: '',
		displayOptions: { show: { object: ['SODOCUMENT', 'PODOCUMENT'] } },
		description:
			'The transaction definition (docparid) of the document, e.g. Sales Order, Shipper, Purchase Order. Required to create; filters reads. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

/** The record to work on: picked from a searchable list of the object's records, or by RECORDNO. */
export function recordLocator(displayName = 'Record', required = true): INodeProperties {
	return {
		displayName,
		name: 'key',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description: 'The record, by its record number (RECORDNO)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a record...',
				typeOptions: { searchListMethod: 'searchRecords', searchable: true },
			},
			{
				displayName: 'By Record Number',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A RECORDNO has digits only' } }],
			},
		],
	};
}

/** The `key` parameter as text, whether it is a resource locator or a plain value. */
export function keyParameter(ctx: IExecuteFunctions, itemIndex: number, name = 'key'): string {
	return String(ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
}

export function outputOption(): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'raw',
		options: [
			{ name: 'Canonical', value: 'canonical', description: 'The record in the pack’s canonical model (Customer, Invoice…)' },
			{ name: 'Raw', value: 'raw', description: 'The record as Sage Intacct returns it' },
		],
	};
}

export const shipperDefinitionsOption: INodeProperties = {
	displayName: 'Shipment Transaction Definitions',
	name: 'shipperDefinitions',
	type: 'string',
	default: 'Shipper',
	description: 'Comma-separated Order Entry definitions whose documents are shipments (canonical output as Shipment)',
};

export const fieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'string',
	default: '*',
	placeholder: 'e.g. RECORDNO,CUSTOMERID,NAME',
	description: 'Comma-separated fields to return; * returns all',
};

export function toOutput(def: IntacctObjectDef, records: Array<Record<string, unknown>>, options: IDataObject): IDataObject[] {
	if (options.output !== 'canonical') return records as IDataObject[];
	const shippers = String(options.shipperDefinitions ?? 'Shipper')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	return records.map((record) => (toCanonical(def.object, record, shippers) ?? record) as unknown as IDataObject);
}

export const writeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'All or Nothing',
			name: 'transaction',
			type: 'boolean',
			default: false,
			description: 'Whether, in a batch, one failing function rolls back all the others (transaction="true")',
		},
		{
			displayName: 'Safe Retries (Unique Control ID)',
			name: 'uniqueId',
			type: 'boolean',
			default: true,
			description:
				'Whether to send uniqueid=true with a control ID stable for this execution, so a request resent after a lost response is refused by Sage Intacct instead of applied twice',
		},
		{
			displayName: 'Send Items in One Request (Batch)',
			name: 'batch',
			type: 'boolean',
			default: false,
			description:
				'Whether to send one function per input item in a single request (controlid = item index). Each item still succeeds or fails on its own.',
		},
	],
};

export const inputProperties: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Canonical Record', value: 'canonical', description: 'The input item is a canonical record (Customer, SalesOrder…)' },
			{ name: 'Fields (JSON)', value: 'fields', description: 'Sage Intacct field names and values' },
		],
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fields',
		type: 'json',
		default: '{\n  "NAME": ""\n}',
		displayOptions: { show: { inputMode: ['fields'] } },
		description: 'The record’s fields by their Sage Intacct names; nested objects become nested elements',
	},
];

/** The record's Intacct fields from the JSON parameter or the canonical input item. */
export function recordFields(ctx: IExecuteFunctions, def: IntacctObjectDef, itemIndex: number): IDataObject {
	const mode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (mode === 'canonical') {
		const input = ctx.getInputData()[itemIndex]?.json;
		if (!isCanonical(input)) {
			throw new NodeOperationError(ctx.getNode(), 'type: the input item is not a canonical record', {
				itemIndex,
				description: 'A canonical record has "type" (e.g. "Customer") and "externalIds".',
			});
		}
		const mapping = sageIntacctMappings[input.type];
		if (!mapping || mapping.resource !== def.object) {
			throw new NodeOperationError(ctx.getNode(), `type: a canonical ${input.type} cannot be written to ${def.object}`, {
				itemIndex,
				description: mapping ? `Choose the object ${mapping.resource}.` : `Sage Intacct has no mapping for ${input.type}.`,
			});
		}
		const fields = mapping.fromCanonical(input) as IDataObject;
		const definition = String(ctx.getNodeParameter('transactionDefinition', itemIndex, '') ?? '').trim();
		if (def.document && definition) fields.TRANSACTIONTYPE = definition;
		return fields;
	}
	const raw = ctx.getNodeParameter('fields', itemIndex, '{}');
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() ? JSON.parse(raw) : {};
		} catch {
			throw new NodeOperationError(ctx.getNode(), 'Fields (JSON): not valid JSON', { itemIndex });
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(ctx.getNode(), 'Fields (JSON): must be an object of field names and values', { itemIndex });
	}
	return value as IDataObject;
}

/** Sends one prepared function and returns its result, throwing the function's own error. */
export async function sendOne(ctx: IExecuteFunctions, prepared: PreparedFunction, itemIndex: number, write: boolean): Promise<IntacctResult> {
	const options = write ? (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject) : {};
	const uniqueId = write && options.uniqueId !== false;
	const response = await intacctCall(ctx, [prepared.fn], {
		itemIndex,
		uniqueId,
		controlKey: `${ctx.getNodeParameter('operation', itemIndex) as string}:${itemIndex}`,
		idempotent: !write || uniqueId,
	});
	const result = resultFor(ctx.getNode(), response, prepared.fn.controlId, itemIndex);
	if (result.status !== 'success') {
		throw resultError(ctx.getNode(), result, { itemIndex, secrets: await credentialSecrets(ctx), subject: prepared.subject });
	}
	return result;
}

export { canonicalTypeFor };
