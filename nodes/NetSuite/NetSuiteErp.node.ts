import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { listSearch } from './methods';

export class NetSuiteErp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSuite ERP',
		name: 'netSuiteErp',
		icon: { light: 'file:netSuite.svg', dark: 'file:netSuite.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description: 'Read and write Oracle NetSuite records, run SuiteQL and call RESTlets',
		...versionDescription,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
