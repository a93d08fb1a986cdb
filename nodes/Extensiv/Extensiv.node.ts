import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resources } from './actions/resources';
import { router } from './actions/router';
import { getCustomers, searchOrders, searchReceivers } from './methods/listSearch';

export class Extensiv implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Extensiv 3PL Warehouse Manager',
		name: 'extensiv',
		icon: { light: 'file:extensiv.svg', dark: 'file:extensiv.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description: 'Manage orders, items, inventory and receivers in Extensiv 3PL Warehouse Manager (3PL Central)',
		defaults: { name: 'Extensiv 3PL Warehouse Manager' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'extensivApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Custom API Call', value: 'customApiCall' },
					{ name: 'Inventory', value: 'inventory' },
					{ name: 'Item', value: 'item' },
					{ name: 'Order', value: 'order' },
					{ name: 'Receiver', value: 'receiver' },
				],
				default: 'order',
			},
			...resources.customApiCall.description,
			...resources.inventory.description,
			...resources.item.description,
			...resources.order.description,
			...resources.receiver.description,
		],
	};

	methods = { listSearch: { searchOrders, searchReceivers }, loadOptions: { getCustomers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
