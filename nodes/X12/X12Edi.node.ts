import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { credentialTest } from './methods';

export class X12Edi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'X12 EDI',
		name: 'x12Edi',
		icon: { light: 'file:x12Edi.svg', dark: 'file:x12Edi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		usableAsTool: true,
		description: 'Parse, validate, acknowledge, generate and send X12 EDI, and map 850/855/856/810/846/832 to and from canonical records',
		// Listed here (not in versionDescription) so the community-nodes lint sees who tests each credential.
		// Neither is an HTTP API credential, so the "Api" suffix rule does not apply.
		credentials: [
			{
				// eslint-disable-next-line n8n-nodes-base/node-class-description-credentials-name-unsuffixed
				name: 'x12TradingPartner',
				required: true,
				testedBy: 'x12TradingPartnerTest',
				displayOptions: { show: { operation: ['acknowledge', 'fromCanonical', 'generate'] } },
			},
			{
				name: 'interopStateStore',
				required: false,
				testedBy: 'stateStoreCredentialTest',
				displayOptions: { hide: { operation: ['send'] } },
			},
			{
				name: 'x12HttpApi',
				required: true,
				displayOptions: { show: { operation: ['send'] } },
			},
		],
		...versionDescription,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
