import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';

export class StripeBilling implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stripe Billing',
		name: 'stripeBilling',
		icon: { light: 'file:stripeBilling.svg', dark: 'file:stripeBilling.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description: 'Bill customers in Stripe: customers, prices, subscriptions, invoices, credit notes and usage (billing meter events)',
		...versionDescription,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
