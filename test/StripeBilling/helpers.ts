import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { StripeBillingApi } from '../../credentials/StripeBillingApi.credentials';
import { StripeBilling } from '../../nodes/StripeBilling/StripeBilling.node';
import { StripeBillingTrigger } from '../../nodes/StripeBilling/StripeBillingTrigger.node';
import { createLoadOptionsContext } from '../helpers/fakeContext';
import { nodeKit, strictNock } from '../helpers/nodeKit';

export const BASE = 'https://api.stripe.test';
export const SECRET = 'sk_test_51UnitTestSecretKeyAbcdef0123456789';

let accounts = 0;

/** A credential of its own per call, so each test gets its own process-wide limiter. */
export function credentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	accounts++;
	return {
		secretKey: `${SECRET}${accounts}`,
		apiVersion: '2025-03-31.basil',
		baseUrl: BASE,
		stripeAccount: '',
		maxConcurrent: 10,
		requestsPerSecond: 0,
		...overrides,
	};
}

export const node = new StripeBilling();
export const trigger = new StripeBillingTrigger();
export const credentialType = new StripeBillingApi();

export const { executeContext, run, loadOptionsContext } = nodeKit({ node, credentialType, credentials, nodeName: 'Stripe Billing' });

export const api = () => nock(BASE);

export { byId } from '../helpers/nodeKit';

/** Form body of a nock-intercepted request as [key, value] pairs, in order. */
export function formPairs(body: unknown): Array<[string, string]> {
	return [...new URLSearchParams(String(body)).entries()];
}

export const setupNock = strictNock;

export interface HookOptions {
	parameters?: IDataObject;
	staticData?: IDataObject;
	webhookUrl?: string;
	credentials?: ICredentialDataDecryptedObject;
	workflowId?: string;
	nodeId?: string;
}

/** IHookFunctions and IWebhookFunctions of the trigger, with n8n's request helpers and a fake request/response. */
export function hookContext(options: HookOptions = {}) {
	const staticData = options.staticData ?? {};
	const base = createLoadOptionsContext({
		parameters: options.parameters ?? { events: ['invoice.paid'], options: {} },
		credentials: { stripeBillingApi: options.credentials ?? credentials() },
		credentialTypes: [credentialType],
		nodeProperties: trigger.description.properties,
		node: { type: 'n8n-nodes-erp-interop.stripeBillingTrigger', name: 'Stripe Billing Trigger', id: options.nodeId ?? 'trigger-1' },
	});
	const response = { statusCode: 200, body: undefined as unknown, status(code: number) { this.statusCode = code; return this; }, json(body: unknown) { this.body = body; return this; }, send(body: unknown) { this.body = body; return this; }, end() { return this; } };
	let request: { headers: Record<string, string>; rawBody?: Buffer; body?: unknown } = { headers: {} };
	const ctx = Object.assign(base, {
		getNodeWebhookUrl: () => options.webhookUrl ?? 'https://n8n.example.test/webhook/abc/webhook',
		getWorkflowStaticData: () => staticData,
		getWorkflow: () => ({ id: options.workflowId ?? 'wf-1', name: 'Billing events', active: true }),
		getRequestObject: () => request,
		getResponseObject: () => response,
		getHeaderData: () => request.headers,
		getBodyData: () => request.body,
		getMode: () => 'trigger',
		getActivationMode: () => 'activate',
	});
	return {
		hook: ctx as unknown as IHookFunctions,
		webhook: ctx as unknown as IWebhookFunctions,
		staticData,
		response,
		setRequest(body: string, headers: Record<string, string>) {
			request = { headers, rawBody: Buffer.from(body), body: JSON.parse(body) as unknown };
		},
		sent: base.sentRequests,
	};
}
