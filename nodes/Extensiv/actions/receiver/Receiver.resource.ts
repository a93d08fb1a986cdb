import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { fromExtensivReceiver } from '../../mapping';
import { extensivApi, extensivList } from '../../transport';
import type { OperationModule } from '../shared';
import {
	andRql,
	customerIdProperty,
	facilityIdProperty,
	idLocator,
	idParameter,
	lineItemsProperty,
	linesFrom,
	outputOption,
	positiveNumber,
	rqlOption,
	rqlValue,
	sortOption,
	stamp,
} from '../shared';

const receiverOutput = outputOption([{ name: 'Canonical Purchase Order', value: 'canonical' }]);
const as = (output: unknown, record: IDataObject): IDataObject =>
	output === 'canonical' ? (fromExtensivReceiver(record) as unknown as IDataObject) : record;

const create: OperationModule = {
	description: stamp('receiver', 'create', [
		customerIdProperty,
		facilityIdProperty,
		{ displayName: 'Reference Number', name: 'referenceNum', type: 'string', default: '', required: true, description: 'The ASN or receipt number' },
		lineItemsProperty('lines', 'Expected Lines'),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Expected Date', name: 'expectedDate', type: 'dateTime', default: '' },
				{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
				{ displayName: 'PO Number', name: 'poNum', type: 'string', default: '' },
				{ displayName: 'Supplier ID', name: 'supplierId', type: 'number', default: 0 },
			],
		},
	] as INodeProperties[]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const customerId = positiveNumber(this, 'customerId', 'Customer ID', itemIndex);
		const facilityId = positiveNumber(this, 'facilityId', 'Facility ID', itemIndex);
		const referenceNum = String(this.getNodeParameter('referenceNum', itemIndex, '')).trim();
		if (!referenceNum) throw new NodeOperationError(this.getNode(), 'Reference Number is required to create a receiver', { itemIndex });
		const lines = linesFrom(this, 'lines', itemIndex);
		if (!lines.length) throw new NodeOperationError(this.getNode(), 'A receiver needs at least one expected line with a SKU', { itemIndex });
		// One receiver per customer and reference number: a retried run returns the first one.
		const [existing] = await extensivList(this, {
			path: '/inventory/receivers',
			qs: { rql: andRql(`referenceNum==${rqlValue(referenceNum)}`, `customerIdentifier.id==${customerId}`, 'readOnly.status!=2') },
			returnAll: false,
			limit: 1,
			itemIndex,
		});
		if (existing) return existing;
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			customerIdentifier: { id: customerId },
			facilityIdentifier: { id: facilityId },
			referenceNum,
			receiveItems: lines,
		};
		if (extra.poNum) body.poNum = extra.poNum;
		if (extra.notes) body.notes = extra.notes;
		if (extra.expectedDate) body.expectedDate = extra.expectedDate;
		if (Number(extra.supplierId) > 0) body.supplierIdentifier = { id: Number(extra.supplierId) };
		return await extensivApi(this, { method: 'POST', path: '/inventory/receivers', body, itemIndex });
	},
};

const get: OperationModule = {
	description: stamp('receiver', 'get', [
		idLocator('receiverId', 'Receiver', 'receiver', 'receivers', 'searchReceivers'),
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [receiverOutput] },
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = idParameter(this, 'receiverId', 'Receiver', itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return as(options.output, await extensivApi(this, { path: `/inventory/receivers/${id}`, qs: { detail: 'ReceiveItems' }, itemIndex }));
	},
};

const getAll: OperationModule = {
	description: stamp('receiver', 'getAll', [
		...returnAllOrLimit(),
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [receiverOutput, rqlOption, sortOption] },
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = { detail: 'ReceiveItems' };
		if (typeof options.rql === 'string' && options.rql.trim()) qs.rql = options.rql.trim();
		if (typeof options.sort === 'string' && options.sort.trim()) qs.sort = options.sort.trim();
		const records = await extensivList(this, { path: '/inventory/receivers', qs, returnAll, limit, itemIndex });
		return records.map((record) => as(options.output, record));
	},
};

export const operations = { create, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['receiver'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an inbound receiver (ASN), or return the existing one', action: 'Create a receiver' },
			{ name: 'Get', value: 'get', description: 'Get a receiver', action: 'Get a receiver' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many receivers', action: 'Get many receivers' },
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
];
