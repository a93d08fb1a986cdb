import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';

export class ConnectWisePsa implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ConnectWise PSA',
		name: 'connectWisePsa',
		icon: { light: 'file:connectWisePsa.svg', dark: 'file:connectWisePsa.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description: 'Manage companies, tickets, projects, time, expenses, agreements and invoices in ConnectWise PSA',
		...versionDescription,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
