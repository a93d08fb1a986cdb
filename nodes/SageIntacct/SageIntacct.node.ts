import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resources, router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class SageIntacct implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage Intacct',
		name: 'sageIntacct',
		icon: { light: 'file:sageIntacct.svg', dark: 'file:sageIntacct.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + ($parameter["object"] || $parameter["resource"])}}',
		usableAsTool: true,
		description: 'Read and write customers, vendors, items, orders, invoices and payments in Sage Intacct (XML API)',
		defaults: { name: 'Sage Intacct' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sageIntacctApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Custom API Call', value: 'customApiCall', description: 'Any XML API function' },
					{ name: 'Record', value: 'record', description: 'Any object: customers, vendors, items, documents, invoices, payments' },
				],
				default: 'record',
			},
			...resources.record.description,
			...resources.customApiCall.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
