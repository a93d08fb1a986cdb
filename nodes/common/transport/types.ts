import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Any n8n function context that can send authenticated HTTP requests. */
export type RequestContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| ITriggerFunctions
	| IWebhookFunctions;

/** A response with its status and headers; header names are lower-case. */
export interface RawResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string>;
	body: T;
}

export type HttpRequest = IHttpRequestOptions;

export type Json = IDataObject;
