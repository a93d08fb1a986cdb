import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';

export class AutotaskPsa implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Autotask PSA',
		name: 'autotaskPsa',
		icon: { light: 'file:autotaskPsa.svg', dark: 'file:autotaskPsa.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description: 'Manage companies, tickets, projects, time, expenses, contracts and invoices in Autotask PSA',
		...versionDescription,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
