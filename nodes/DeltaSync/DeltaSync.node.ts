import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { stateStoreCredentialTest } from '../common/state';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

export class DeltaSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Delta Sync',
		name: 'deltaSync',
		icon: { light: 'file:deltaSync.svg', dark: 'file:deltaSync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["scope"]}}',
		usableAsTool: true,
		description: 'Split records into new, changed, unchanged and deleted against the last confirmed sync, and commit only what was written',
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
