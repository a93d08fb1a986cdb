import { jsonParse } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { CREDENTIAL_TYPE, connectWiseRequest } from '../transport';
import { recordPathOf } from './description';
import { RECORD_ID_PARAM } from './lifecycle';
import { trustedKeyUrl, verifyCallbackSignature } from './signingKey';

function reject(ctx: IWebhookFunctions, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(401).json({ message });
	return { noWebhookResponse: true };
}

function parseEntity(entity: unknown): unknown {
	if (typeof entity !== 'string') return entity;
	try {
		return jsonParse(entity);
	} catch {
		return entity;
	}
}

/** Verifies a ConnectWise callback and turns it into one item; forgeries get a 401 and no run. */
export async function receiveCallback(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = ctx.getRequestObject() as unknown as { rawBody?: Buffer; body?: unknown };
	const body = (ctx.getBodyData() ?? {}) as IDataObject;
	const headers = ctx.getHeaderData() as IDataObject;
	const signature = typeof headers['x-content-signature'] === 'string' ? headers['x-content-signature'] : undefined;
	if (!signature) return reject(ctx, 'Missing x-content-signature header');

	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const metadata = (body.Metadata ?? body.metadata) as IDataObject | undefined;
	const keyUrl = trustedKeyUrl(metadata?.key_url, credentials);
	// Checked before any request: a payload must not make n8n call a host of the sender's choosing.
	if (!keyUrl) return reject(ctx, 'The signing key URL is not on the configured ConnectWise site');

	const rawBody = request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? body));
	let valid = false;
	try {
		valid = await verifyCallbackSignature(ctx, keyUrl, rawBody, signature);
	} catch {
		valid = false;
	}
	if (!valid) return reject(ctx, 'Invalid callback signature');

	const action = String(body.Action ?? body.action ?? '').toLowerCase();
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const actions = Array.isArray(options.actions) ? (options.actions as string[]) : [];
	if (actions.length > 0 && !actions.includes(action)) return { webhookResponse: { received: true, ignored: action } };

	const query = ctx.getQueryData() as IDataObject;
	const id = Number(body.ID ?? body.Id ?? query[RECORD_ID_PARAM]);
	const type = String(body.Type ?? ctx.getNodeParameter('type'));
	const item: IDataObject = { ...body, Entity: parseEntity(body.Entity) as IDataObject, action, id, type };

	const path = recordPathOf(type);
	if (options.fetchRecord === true && action !== 'deleted' && path && Number.isInteger(id) && id > 0) {
		const record = await connectWiseRequest<IDataObject>(ctx, { path: `${path}/${id}`, acceptStatus: [404] });
		item.record = record.statusCode === 200 ? record.body : null;
	}
	return { workflowData: [ctx.helpers.returnJsonArray([item])] };
}
