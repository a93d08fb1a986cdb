import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { stateStoreCredentialTest } from '../common/state';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

export class RebateEngine implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Rebate Engine',
		name: 'rebateEngine',
		icon: { light: 'file:rebateEngine.svg', dark: 'file:rebateEngine.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] === "calculate" && $parameter["recordClaims"] === false ? "preview" : $parameter["operation"]}}',
		usableAsTool: true,
		description: 'Accrue partner rebates from invoice lines by programs defined as data, and raise the exceptions an approver must see',
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
