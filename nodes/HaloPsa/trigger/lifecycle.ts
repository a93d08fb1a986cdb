import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions } from 'n8n-workflow';

import { haloApi, haloRequest } from '../transport';

export const WEBHOOK_CREDENTIAL = 'haloPsaWebhookApi';

/** Halo's outbound webhook authentication type "Basic". */
const BASIC_AUTH = 1;

function registering(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('register', false) === true;
}

/** Without registration the webhook lives in Halo's configuration, set up by hand: nothing to do. */
export async function webhookExists(ctx: IHookFunctions): Promise<boolean> {
	if (!registering(ctx)) return true;
	const state = ctx.getWorkflowStaticData('node');
	if (typeof state.webhookId !== 'string' || !state.webhookId) return false;
	const response = await haloRequest<IDataObject>(ctx, { path: `/Webhook/${encodeURIComponent(state.webhookId)}`, acceptStatus: [404] });
	if (response.statusCode === 200 && response.body?.url === ctx.getNodeWebhookUrl('default')) return true;
	delete state.webhookId;
	return false;
}

/** Adds an outbound webhook to Halo with this node's URL and Basic credentials; events are chosen in Halo. */
export async function registerWebhook(ctx: IHookFunctions): Promise<boolean> {
	if (!registering(ctx)) return true;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(WEBHOOK_CREDENTIAL);
	if (credentials.authentication === 'headerAuth') {
		throw new NodeOperationError(
			ctx.getNode(),
			'Registering the webhook in Halo needs Basic authentication in the HaloPSA Webhook credential',
			{ description: 'Use Basic Auth, or add the webhook by hand in Halo (Configuration > Integrations > Webhooks) and turn off Register Webhook in Halo.' },
		);
	}
	const name = `n8n: ${ctx.getWorkflow().name ?? ctx.getWorkflow().id}`.slice(0, 100);
	const saved = await haloApi<IDataObject | IDataObject[]>(ctx, {
		method: 'POST',
		path: '/Webhook',
		body: [
			{
				name,
				type: 0,
				url: ctx.getNodeWebhookUrl('default'),
				method: 0,
				content_type: 'application/json',
				active: true,
				authentication_type: BASIC_AUTH,
				basic_username: credentials.user,
				basic_password: credentials.password,
			},
		],
	});
	const record = Array.isArray(saved) ? saved[0] : saved;
	if (record?.id === undefined) return false;
	ctx.getWorkflowStaticData('node').webhookId = String(record.id);
	return true;
}

export async function unregisterWebhook(ctx: IHookFunctions): Promise<boolean> {
	const state = ctx.getWorkflowStaticData('node');
	if (typeof state.webhookId === 'string' && state.webhookId) {
		await haloRequest(ctx, { method: 'DELETE', path: `/Webhook/${encodeURIComponent(state.webhookId)}`, acceptStatus: [404] });
	}
	delete state.webhookId;
	return true;
}
