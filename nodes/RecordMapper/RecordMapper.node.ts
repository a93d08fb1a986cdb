import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { stateStoreCredentialTest } from '../common/state';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { loadOptions, resourceMapping } from './methods';

export class RecordMapper implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Record Mapper',
		name: 'recordMapper',
		icon: { light: 'file:recordMapper.svg', dark: 'file:recordMapper.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description: 'Map records between any system and the canonical model, keep cross-reference IDs and translate codes through value maps',
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

	methods = { credentialTest: { stateStoreCredentialTest }, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
