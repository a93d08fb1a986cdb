import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { callbackExists, createCallback, removeCallback } from './trigger/lifecycle';
import { receiveCallback } from './trigger/receive';

export class ConnectWisePsaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ConnectWise PSA Trigger',
		name: 'connectWisePsaTrigger',
		icon: { light: 'file:connectWisePsa.svg', dark: 'file:connectWisePsa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["type"]}}',
		description: 'Starts the workflow when ConnectWise PSA sends a callback for a record change',
		defaults: { name: 'ConnectWise PSA Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'connectWisePsaApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'callback' }],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await callbackExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createCallback(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await removeCallback(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback(this);
	}
}
