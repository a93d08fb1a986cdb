import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { stateStoreCredentialTest } from '../common/state';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

export class ExceptionQueue implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exception Queue',
		name: 'exceptionQueue',
		icon: { light: 'file:exceptionQueue.svg', dark: 'file:exceptionQueue.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["queue"]}}',
		usableAsTool: true,
		description: 'Keep failed records with their payload and error, then fix, replay and resolve them',
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
