import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { stateStoreCredentialTest } from '../common/state';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

export class Scorecard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scorecard',
		name: 'scorecard',
		icon: { light: 'file:scorecard.svg', dark: 'file:scorecard.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["scorecard"]}}',
		usableAsTool: true,
		description: 'Score KPIs from metric rows per partner, customer or plant, with status, change vs the previous period and an HTML report',
		credentials: [
			{
				// eslint-disable-next-line n8n-nodes-base/node-class-description-credentials-name-unsuffixed
				name: 'interopStateStore',
				required: true,
				testedBy: 'stateStoreCredentialTest',
			},
		],
		...versionDescription,
	};

	methods = { credentialTest: { stateStoreCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
