import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CanonicalType } from '../../common/canonical/types';

/** One Sage Intacct object as the node offers it. */
export interface IntacctObjectDef {
	/** Object name in the XML API (`<object>`, `<create><OBJECT>`). */
	object: string;
	displayName: string;
	/** The business key people use (CUSTOMERID…): Get/Update/Delete by ID and Upsert use it. */
	idField?: string;
	/** Order Entry / Purchasing documents need a transaction definition (docparid / TRANSACTIONTYPE). */
	document?: boolean;
	/** Fields a create must carry; checked before sending so the message names them. */
	required: string[];
	/** Canonical type of the record (documents: the default one). */
	canonical?: CanonicalType;
	/** The field people recognise a record by in a list (searchable). */
	labelField?: string;
}

export const OBJECTS: IntacctObjectDef[] = [
	{ object: 'CUSTOMER', displayName: 'Customer', idField: 'CUSTOMERID', required: ['NAME'], canonical: 'Customer', labelField: 'NAME' },
	{ object: 'VENDOR', displayName: 'Vendor', idField: 'VENDORID', required: ['NAME'], canonical: 'Supplier', labelField: 'NAME' },
	{ object: 'ITEM', displayName: 'Item', idField: 'ITEMID', required: ['ITEMID', 'NAME'], canonical: 'Item', labelField: 'NAME' },
	{ object: 'ITEMWAREHOUSEINFO', displayName: 'Item Warehouse Info (Inventory)', required: ['ITEMID', 'WAREHOUSEID'], canonical: 'InventoryLevel', labelField: 'ITEMID' },
	{ object: 'SODOCUMENT', displayName: 'Order Entry Transaction (Sales Order, Shipper…)', document: true, required: ['CUSTOMERID'], canonical: 'SalesOrder', labelField: 'DOCID' },
	{ object: 'PODOCUMENT', displayName: 'Purchasing Transaction (Purchase Order…)', document: true, required: ['VENDORID'], canonical: 'PurchaseOrder', labelField: 'DOCID' },
	{ object: 'ARINVOICE', displayName: 'AR Invoice', required: ['CUSTOMERID'], canonical: 'Invoice', labelField: 'RECORDID' },
	{ object: 'ARADJUSTMENT', displayName: 'AR Adjustment (Credit Memo)', required: ['CUSTOMERID'], canonical: 'CreditMemo', labelField: 'RECORDID' },
	{ object: 'ARPYMT', displayName: 'AR Payment', required: ['CUSTOMERID'], canonical: 'Payment', labelField: 'DOCNUMBER' },
	{ object: 'APBILL', displayName: 'AP Bill', required: ['VENDORID'], labelField: 'RECORDID' },
];

export const OTHER_OBJECT = '__other';

export function objectOptions() {
	return [
		...OBJECTS.map((o) => ({ name: o.displayName, value: o.object, description: o.object })),
		{ name: 'Other (Enter Object Name)', value: OTHER_OBJECT, description: 'Any other object of the XML API, e.g. CONTACT or WAREHOUSE' },
	].sort((a, b) => a.name.localeCompare(b.name));
}

const OBJECT_NAME = /^[A-Z][A-Z0-9_]{1,59}$/;

/** The object named by the `object` / `objectName` parameters, or undefined when it is not an object name. */
export function resolveObject(selected: string, otherName: string): IntacctObjectDef | undefined {
	if (selected !== OTHER_OBJECT) {
		const known = OBJECTS.find((o) => o.object === selected);
		if (known) return known;
	}
	const name = (selected === OTHER_OBJECT ? otherName : selected).trim().toUpperCase();
	if (!OBJECT_NAME.test(name)) return undefined;
	return OBJECTS.find((o) => o.object === name) ?? { object: name, displayName: name, required: [] };
}

/** The object the node is set to, checked: an unknown or malformed name is named in the error. */
export function objectOf(ctx: IExecuteFunctions, itemIndex: number): IntacctObjectDef {
	const selected = String(ctx.getNodeParameter('object', itemIndex) ?? '');
	const other = selected === OTHER_OBJECT ? String(ctx.getNodeParameter('objectName', itemIndex, '') ?? '') : '';
	const def = resolveObject(selected, other);
	if (!def) {
		throw new NodeOperationError(ctx.getNode(), `Object: "${(other || selected).trim().toUpperCase()}" is not a Sage Intacct object name`, {
			itemIndex,
			description: 'Use the object name of the XML API in capitals, e.g. CUSTOMER, VENDOR, SODOCUMENT.',
		});
	}
	return def;
}

/** The transaction definition of a document object (required to create one). */
export function docparidOf(ctx: IExecuteFunctions, def: IntacctObjectDef, itemIndex: number, required: boolean): string | undefined {
	if (!def.document) return undefined;
	const value = String(ctx.getNodeParameter('transactionDefinition', itemIndex, '') ?? '').trim();
	if (!value && required) {
		throw new NodeOperationError(ctx.getNode(), `Transaction Definition is required to create a ${def.object} record`, {
			itemIndex,
			description: 'Enter the name of the transaction definition, e.g. "Sales Order", "Shipper" or "Purchase Order".',
		});
	}
	return value || undefined;
}

/** A RECORDNO: digits only. */
export function recordNo(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (!/^\d+$/.test(text) || /^0+$/.test(text)) {
		throw new NodeOperationError(ctx.getNode(), `${field}: "${text}" is not a valid RECORDNO (a positive whole number)`, {
			itemIndex,
			description: 'Use the record number (RECORDNO), or look the record up by its ID instead.',
		});
	}
	return text;
}

/** An ID value for a query: any text, quoted for Intacct's query language. */
export function quote(value: string): string {
	return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The missing required fields of a create, named in the error. */
export function checkRequired(ctx: IExecuteFunctions, def: IntacctObjectDef, fields: IDataObject, itemIndex: number): void {
	const missing = def.required.filter((name) => {
		const value = fields[name];
		return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	});
	if (missing.length > 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required to create a ${def.object} record`,
			{ itemIndex, description: `Add ${missing.join(', ')} to the fields of the record.` },
		);
	}
}
