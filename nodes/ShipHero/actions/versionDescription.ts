import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeTypeDescription } from 'n8n-workflow';

import { resources } from './resources';

/** What version 1 of the node adds to the base description in ShipHero.node.ts. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version'> = {
	defaults: { name: 'ShipHero' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'shipHeroApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Custom API Call', value: 'customApiCall' },
				{ name: 'Inventory (Warehouse Product)', value: 'inventory' },
				{ name: 'Order', value: 'order' },
				{ name: 'Product', value: 'product' },
				{ name: 'Purchase Order', value: 'purchaseOrder' },
				{ name: 'Shipment', value: 'shipment' },
			],
			default: 'order',
		},
		...resources.customApiCall.description,
		...resources.inventory.description,
		...resources.order.description,
		...resources.product.description,
		...resources.purchaseOrder.description,
		...resources.shipment.description,
	],
};
