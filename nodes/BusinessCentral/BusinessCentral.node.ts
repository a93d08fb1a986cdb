import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';

export class BusinessCentral implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Business Central',
		name: 'businessCentral',
		icon: { light: 'file:businessCentral.svg', dark: 'file:businessCentral.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description: 'Manage customers, vendors, items, orders, invoices, shipments and payments in Microsoft Dynamics 365 Business Central',
		...versionDescription,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
