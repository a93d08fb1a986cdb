import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';

export class ShipHero implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ShipHero WMS',
		name: 'shipHero',
		icon: { light: 'file:shipHero.svg', dark: 'file:shipHero.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description: 'Manage products, inventory, orders, shipments and purchase orders in ShipHero (GraphQL)',
		...versionDescription,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
