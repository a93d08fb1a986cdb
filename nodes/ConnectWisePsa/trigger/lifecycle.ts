import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { connectWiseApi, connectWiseRequest } from '../transport';

/** ConnectWise appends the record id to the registered URL, so it must end in a query parameter. */
export const RECORD_ID_PARAM = 'recordId';

export function callbackUrl(webhookUrl: string): string {
	return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}${RECORD_ID_PARAM}=`;
}

export interface CallbackSpec {
	url: string;
	type: string;
	level: string;
	objectId: number;
	description: string;
}

/** The callback this node wants, from its parameters. */
export function callbackSpec(ctx: IHookFunctions): CallbackSpec {
	const type = ctx.getNodeParameter('type') as string;
	const chosen = ctx.getNodeParameter('level', 'owner') as string;
	// "One record" is the type's own level in ConnectWise (e.g. level "ticket" with the ticket's id).
	const level = chosen === 'record' ? type : chosen;
	const objectId = chosen === 'owner' ? 0 : Number(ctx.getNodeParameter('objectId', 0));
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const named = typeof options.description === 'string' && options.description.trim() ? options.description.trim() : '';
	const description = (named || `n8n: ${ctx.getWorkflow().name ?? ctx.getWorkflow().id}`).slice(0, 100);
	return { url: callbackUrl(ctx.getNodeWebhookUrl('default') as string), type, level, objectId, description };
}

function sameCallback(entry: IDataObject, spec: CallbackSpec): boolean {
	return (
		entry.url === spec.url &&
		String(entry.type).toLowerCase() === spec.type.toLowerCase() &&
		String(entry.level).toLowerCase() === spec.level.toLowerCase() &&
		Number(entry.objectId ?? 0) === spec.objectId &&
		entry.inactiveFlag !== true
	);
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export async function callbackExists(ctx: IHookFunctions): Promise<boolean> {
	const state = ctx.getWorkflowStaticData('node');
	const spec = callbackSpec(ctx);
	if (state.callbackId !== undefined) {
		const response = await connectWiseRequest<IDataObject>(ctx, {
			path: `/system/callbacks/${Number(state.callbackId)}`,
			acceptStatus: [404],
		});
		if (response.statusCode === 200 && sameCallback(response.body, spec)) return true;
		// Gone or changed (other type, level or URL): the stale entry is replaced by create().
		if (response.statusCode === 200) await deleteCallback(ctx, Number(state.callbackId));
		delete state.callbackId;
	}
	// A callback for this very URL left behind (e.g. static data lost): adopt it instead of adding a second.
	const existing = await connectWiseApi<IDataObject[]>(ctx, {
		path: '/system/callbacks',
		qs: { conditions: `url=${quote(spec.url)}`, pageSize: 100 },
	});
	const match = Array.isArray(existing) ? existing.find((entry) => sameCallback(entry, spec)) : undefined;
	if (!match) return false;
	state.callbackId = match.id;
	return true;
}

export async function createCallback(ctx: IHookFunctions): Promise<boolean> {
	const spec = callbackSpec(ctx);
	const created = await connectWiseApi<IDataObject>(ctx, {
		method: 'POST',
		path: '/system/callbacks',
		body: {
			url: spec.url,
			objectId: spec.objectId,
			type: spec.type,
			level: spec.level,
			description: spec.description,
			inactiveFlag: false,
			isSoapCallbackFlag: false,
		},
	});
	if (created?.id === undefined) return false;
	ctx.getWorkflowStaticData('node').callbackId = created.id;
	return true;
}

async function deleteCallback(ctx: IHookFunctions, id: number): Promise<void> {
	await connectWiseRequest(ctx, { method: 'DELETE', path: `/system/callbacks/${id}`, acceptStatus: [404] });
}

export async function removeCallback(ctx: IHookFunctions): Promise<boolean> {
	const state = ctx.getWorkflowStaticData('node');
	if (state.callbackId !== undefined) await deleteCallback(ctx, Number(state.callbackId));
	delete state.callbackId;
	return true;
}
