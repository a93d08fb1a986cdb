/**
 * A faithful stand-in for n8n's execution contexts in unit tests: parameters, items, credentials
 * and the request helpers behave like n8n-core 2.8 (request-helper-functions.ts,
 * credentials-helper.ts), and requests really go out through axios so nock sees them at the HTTP
 * boundary. Only what the pack's nodes use is implemented; anything else is undefined on purpose.
 */
import axios from 'axios';
import nock from 'nock';
import type { AxiosRequestConfig } from 'axios';
import { Agent as HttpsAgent } from 'node:https';
import { ApplicationError, NodeApiError, NodeOperationError, Workflow, deepCopy, isExpression } from 'n8n-workflow';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeTypes,
	IPairedItemData,
	JsonObject,
} from 'n8n-workflow';

export type Parameters = IDataObject | ((itemIndex: number) => IDataObject);

export interface FakeContextOptions {
	/** Node parameters: one object for every item, or a function of the item index. */
	parameters?: Parameters;
	/** Input items; defaults to one empty item. */
	items?: INodeExecutionData[];
	/** Decrypted credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Credential type instances whose `authenticate` / `preAuthentication` are applied to requests. */
	credentialTypes?: ICredentialType[];
	node?: Partial<INode>;
	/** The node type's properties, so `extractValue` applies resource-locator mode regexes like n8n. */
	nodeProperties?: INodeProperties[];
	continueOnFail?: boolean;
	/** The workflow's whole static data (keys `global` and `node:<name>`), mutated in place. */
	staticData?: IDataObject;
	abortSignal?: AbortSignal;
}

export interface FakeExtras {
	/** Every request as sent after authentication (headers, qs, auth applied), in order. */
	readonly sentRequests: IHttpRequestOptions[];
	/** Credential data, updated in place when a preAuthentication refreshes a token. */
	readonly credentialStore: Record<string, ICredentialDataDecryptedObject>;
	readonly staticData: IDataObject;
}

export type FakeExecuteFunctions = IExecuteFunctions & FakeExtras;
export type FakeLoadOptionsFunctions = ILoadOptionsFunctions & FakeExtras;

const noop = () => undefined;
const logger = { debug: noop, info: noop, warn: noop, error: noop, verbose: noop };

function buildNode(options: FakeContextOptions): INode {
	const credentials = Object.fromEntries(
		Object.keys(options.credentials ?? {}).map((type) => [type, { id: `cred-${type}`, name: `${type} account` }]),
	);
	return {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: 'n8n-nodes-erp-interop.test',
		typeVersion: 1,
		position: [0, 0],
		parameters: typeof options.parameters === 'object' ? options.parameters : {},
		credentials,
		...options.node,
	} as INode;
}

/** lodash.get semantics for `a.b[0].c` paths. */
function getPath(source: unknown, path: string): unknown {
	let value = source;
	for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)) {
		if (value === null || value === undefined || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[part];
	}
	return value;
}

function isResourceLocator(value: unknown): value is { __rl: true; mode: string; value: unknown } {
	return typeof value === 'object' && value !== null && 'mode' in value && 'value' in value;
}

/** n8n's extractValue for resource locators: the mode's regex if it declares one, else `.value`. */
function extractValue(value: unknown, parameterName: string, properties?: INodeProperties[]): unknown {
	if (!isResourceLocator(value)) return value;
	const name = parameterName.split('.')[0];
	const mode = (properties ?? [])
		.filter((p) => p.name === name)
		.flatMap((p) => p.modes ?? [])
		.find((m) => m.name === value.mode);
	const rule = mode?.extractValue;
	if (!rule) return value.value;
	if (typeof value.value !== 'string') throw new ApplicationError("ERROR: This parameter's value is invalid. Please enter a valid mode.");
	const match = new RegExp(rule.regex).exec(value.value);
	if (!match) throw new ApplicationError(`ERROR: ${name} parameter's value is invalid. This is likely because the URL entered is incorrect`);
	return match[1];
}

function readParameter(
	parameters: IDataObject,
	name: string,
	fallback: unknown,
	options: IGetNodeParameterOptions | undefined,
	properties: INodeProperties[] | undefined,
): unknown {
	const found = getPath(parameters, name);
	const value = found === undefined ? fallback : found;
	if (value === undefined) throw new ApplicationError('Could not get parameter', { extra: { parameterName: name } });
	// n8n resolves parameters afresh on each call, so callers never share (and mutate) one object.
	const copy = typeof value === 'object' && value !== null ? deepCopy(value as IDataObject) : value;
	if (options?.rawExpressions) return copy;
	return options?.extractValue ? extractValue(copy, name, properties) : copy;
}

// Only to evaluate credential expressions with n8n's own expression engine.
const noNodeTypes = { getByName: noop, getByNameAndVersion: noop, getKnownTypes: () => ({}) } as unknown as INodeTypes;

function expressionResolver(node: INode) {
	const exprNode: INode = { ...node, parameters: {} };
	const workflow = new Workflow({ id: 'fake', nodes: [exprNode], connections: {}, active: false, nodeTypes: noNodeTypes });
	// credentials-helper.ts resolveValue: non-expressions as-is, empty results as '', else a string.
	return (value: unknown, credentials: ICredentialDataDecryptedObject): unknown => {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			exprNode,
			value as string,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	};
}

// The same interceptor n8n-core installs: no default Content-Type on requests without a body.
const http = axios.create();
http.interceptors.request.use((config) => {
	if (config.data === undefined) config.headers.setContentType(false, false);
	return config;
});

function headerKey(headers: IDataObject | undefined, name: string): string | undefined {
	return Object.keys(headers ?? {}).find((key) => key.toLowerCase() === name);
}

function serializeParams(params: IDataObject, format: NonNullable<IHttpRequestOptions['arrayFormat']>): string {
	const out: string[] = [];
	const add = (key: string, value: unknown) => out.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined) continue;
		if (!Array.isArray(value)) add(key, value === null ? '' : value);
		else if (format === 'comma') add(key, value.join(','));
		else value.forEach((v, i) => add(format === 'indices' ? `${key}[${i}]` : format === 'brackets' ? `${key}[]` : key, v));
	}
	return out.join('&');
}

/** n8n-core's convertN8nRequestToAxios, minus proxies. */
function toAxios(request: IHttpRequestOptions): AxiosRequestConfig {
	const config: AxiosRequestConfig = {
		headers: { ...(request.headers ?? {}) } as AxiosRequestConfig['headers'],
		method: request.method,
		timeout: request.timeout,
		auth: request.auth,
		url: request.url,
		params: request.qs,
		maxBodyLength: Infinity,
		maxContentLength: Infinity,
	};
	const headers = config.headers as IDataObject;
	if (request.abortSignal) config.signal = request.abortSignal;
	if (request.baseURL !== undefined) config.baseURL = request.baseURL;
	if (request.disableFollowRedirect === true) config.maxRedirects = 0;
	if (request.encoding !== undefined) config.responseType = request.encoding;
	if (request.skipSslCertificateValidation === true) config.httpsAgent = new HttpsAgent({ rejectUnauthorized: false });
	if (request.arrayFormat !== undefined) {
		const format = request.arrayFormat;
		config.paramsSerializer = (params) => serializeParams(params as IDataObject, format);
	}
	const { body } = request;
	if (body) {
		const contentType = headerKey(headers, 'content-type');
		if (contentType === undefined) {
			if (typeof (body as { getHeaders?: unknown }).getHeaders === 'function') {
				Object.assign(headers, (body as unknown as { getHeaders(): IDataObject }).getHeaders());
			} else if (body instanceof URLSearchParams) {
				headers['Content-Type'] = 'application/x-www-form-urlencoded';
			}
		} else if (headers[contentType] === 'application/x-www-form-urlencoded') {
			config.data = new URLSearchParams(body as Record<string, string>);
		}
		if (typeof body === 'string' || (typeof body === 'object' && Object.keys(body).length > 0)) config.data = body;
	}
	if (request.json && !headerKey(headers, 'accept')) headers.Accept = 'application/json';
	if (!headerKey(headers, 'user-agent')) headers['User-Agent'] = 'n8n';
	if (request.ignoreHttpStatusErrors) config.validateStatus = () => true;
	return config;
}

function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
	if (Buffer.isBuffer(value)) return value.length === 0;
	return typeof value === 'object' && Object.keys(value).length === 0;
}

/** n8n-core's removeEmptyBody. */
function removeEmptyBody(request: IHttpRequestOptions): void {
	if (['GET', 'HEAD', 'OPTIONS'].includes(request.method ?? 'GET') && isEmpty(request.body)) delete request.body;
}

/** n8n-core's httpRequest helper: raw axios errors, full response on request. */
async function httpRequest(request: IHttpRequestOptions, log: IHttpRequestOptions[]): Promise<unknown> {
	removeEmptyBody(request);
	const config = toAxios(request);
	if (config.data === undefined || config.method?.toUpperCase() === 'GET') delete config.data;
	log.push({
		...request,
		abortSignal: undefined,
		headers: { ...request.headers },
		...(request.qs ? { qs: { ...request.qs } } : {}),
	});
	const result = await http.request(config);
	if (request.returnFullResponse) {
		return { body: result.data, headers: result.headers, statusCode: result.status, statusMessage: result.statusText };
	}
	return result.data;
}

interface Shared {
	node: INode;
	store: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes: ICredentialType[];
	sentRequests: IHttpRequestOptions[];
	resolve: ReturnType<typeof expressionResolver>;
}

function credentialType(shared: Shared, name: string): ICredentialType {
	const type = shared.credentialTypes.find((t) => t.name === name);
	if (!type) throw new ApplicationError(`fakeContext: pass an instance of credential type "${name}" in credentialTypes`);
	return type;
}

function getCredentials(shared: Shared, type: string): ICredentialDataDecryptedObject {
	const data = shared.store[type];
	if (!data) {
		throw new NodeOperationError(shared.node, `Node does not have any credentials set for "${type}"`, { level: 'warning' });
	}
	return deepCopy(data);
}

/** credentials-helper.ts authenticate: a function, or the generic headers/qs/body/auth map. */
async function authenticate(
	shared: Shared,
	credentials: ICredentialDataDecryptedObject,
	typeName: string,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { authenticate: auth } = credentialType(shared, typeName);
	if (!auth) return request;
	if (typeof auth === 'function') return await auth(credentials, request);
	request.headers ??= {};
	if (auth.type === 'generic') {
		for (const [outerKey, outerValue] of Object.entries(auth.properties)) {
			const target = request as unknown as Record<string, IDataObject>;
			target[outerKey] ??= {};
			for (const [key, value] of Object.entries(outerValue as IDataObject)) {
				const name = shared.resolve(key, credentials) as string;
				target[outerKey][name] = shared.resolve(value, credentials) as string;
			}
		}
	}
	return request;
}

/** credentials-helper.ts preAuthentication: refreshes an expirable hidden field when empty or expired. */
async function preAuthentication(
	shared: Shared,
	helpers: object,
	credentials: ICredentialDataDecryptedObject,
	typeName: string,
	expired: boolean,
): Promise<ICredentialDataDecryptedObject | undefined> {
	const type = credentialType(shared, typeName);
	const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
	if (expirable?.name === undefined || typeof type.preAuthentication !== 'function') return undefined;
	if (credentials[expirable.name] !== '' && !expired) return undefined;
	// n8n calls it with `this` = `{ helpers }` (credentials-helper.ts preAuthentication).
	const output = await type.preAuthentication.call(helpers as never, credentials);
	if (output[expirable.name] === undefined) return undefined;
	// n8n saves the refreshed field to the credential, so later executions reuse it.
	Object.assign(shared.store[typeName], output);
	return Object.assign(credentials, output);
}

function parentTypes(shared: Shared, name: string): string[] {
	const type = shared.credentialTypes.find((t) => t.name === name);
	return (type?.extends ?? []).flatMap((parent) => [parent, ...parentTypes(shared, parent)]);
}

/** OAuth2 as far as a unit test needs it: the stored access token as a Bearer header. */
async function requestOAuth2(shared: Shared, typeName: string, request: IHttpRequestOptions): Promise<unknown> {
	const credentials = getCredentials(shared, typeName);
	const token = (credentials.oauthTokenData as IDataObject | undefined)?.access_token;
	if (typeof token !== 'string') throw new ApplicationError('OAuth credentials not connected');
	request.headers = { ...request.headers, Authorization: `Bearer ${token}` };
	return await httpRequest(request, shared.sentRequests);
}

function requestHelpers(shared: Shared) {
	const helpers = {
		httpRequest: async (request: IHttpRequestOptions) => await httpRequest(request, shared.sentRequests),
		/** n8n-core's httpRequestWithAuthentication, including its NodeApiError wrapping and 401 re-authentication. */
		async httpRequestWithAuthentication(
			this: { getNode(): INode; getExecutionCancelSignal?: () => AbortSignal | undefined },
			typeName: string,
			requestOptions: IHttpRequestOptions,
			additional?: { credentialsDecrypted?: { data?: ICredentialDataDecryptedObject } },
		): Promise<unknown> {
			let request = requestOptions;
			removeEmptyBody(request);
			if (typeof this?.getExecutionCancelSignal === 'function') request.abortSignal = this.getExecutionCancelSignal();
			const node = typeof this?.getNode === 'function' ? this.getNode() : shared.node;
			let credentials: ICredentialDataDecryptedObject | undefined;
			try {
				const parents = parentTypes(shared, typeName);
				if (parents.includes('oAuth1Api')) throw new ApplicationError('fakeContext: OAuth1 is not supported');
				if (parents.includes('oAuth2Api')) return await requestOAuth2(shared, typeName, request);
				credentials = additional?.credentialsDecrypted?.data ?? getCredentials(shared, typeName);
				const data = await preAuthentication(shared, { helpers }, credentials, typeName, false);
				if (data) Object.assign(credentials, data);
				request = await authenticate(shared, credentials, typeName, request);
				return await httpRequest(request, shared.sentRequests);
			} catch (error) {
				if ((error as { response?: { status?: number } }).response?.status === 401) {
					try {
						if (credentials !== undefined) {
							const data = await preAuthentication(shared, { helpers }, credentials, typeName, true);
							if (data) Object.assign(credentials, data);
							request = await authenticate(shared, credentials, typeName, request);
						}
						return await httpRequest(request, shared.sentRequests);
					} catch (retryError) {
						throw new NodeApiError(node, retryError as JsonObject);
					}
				}
				throw new NodeApiError(node, error as JsonObject);
			}
		},
	};
	return helpers;
}

/** n8n-core's returnJsonArray. */
function returnJsonArray(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((entry) =>
		entry?.json ? ({ ...entry, json: entry.json } as INodeExecutionData) : { json: entry },
	);
}

/** n8n-core's constructExecutionMetaData: pairedItem from itemData unless the item brings its own. */
function constructExecutionMetaData(
	inputData: INodeExecutionData[],
	{ itemData }: { itemData: IPairedItemData | IPairedItemData[] },
): INodeExecutionData[] {
	return inputData.map(({ json, ...rest }) => ({ json, pairedItem: itemData, ...rest }));
}

function shared(options: FakeContextOptions): Shared {
	const node = buildNode(options);
	return {
		node,
		store: options.credentials ?? {},
		credentialTypes: options.credentialTypes ?? [],
		sentRequests: [],
		resolve: expressionResolver(node),
	};
}

function binaryHelpers(items: INodeExecutionData[], node: INode) {
	const assertBinaryData = (itemIndex: number, property: string): IBinaryData => {
		const data = items[itemIndex]?.binary?.[property];
		if (!data) throw new NodeOperationError(node, `Item has no binary property called "${property}"`, { itemIndex });
		return data;
	};
	return {
		assertBinaryData,
		getBinaryDataBuffer: async (itemIndex: number, property: string) =>
			Buffer.from(assertBinaryData(itemIndex, property).data, 'base64'),
		prepareBinaryData: async (data: Buffer, fileName?: string, mimeType?: string): Promise<IBinaryData> => ({
			data: data.toString('base64'),
			mimeType: mimeType ?? 'application/octet-stream',
			fileName,
			fileExtension: fileName?.includes('.') ? fileName.split('.').pop() : undefined,
			fileSize: `${data.length} B`,
		}),
	};
}

/** An IExecuteFunctions for operation tests. */
export function createExecuteContext(options: FakeContextOptions = {}): FakeExecuteFunctions {
	const s = shared(options);
	const items = options.items ?? [{ json: {} }];
	const staticData = options.staticData ?? {};
	const paramsFor = (itemIndex: number): IDataObject =>
		typeof options.parameters === 'function' ? options.parameters(itemIndex) : (options.parameters ?? {});
	const ctx = {
		sentRequests: s.sentRequests,
		credentialStore: s.store,
		staticData,
		logger,
		getNode: () => s.node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		getMode: () => 'manual',
		getExecutionId: () => 'fake-execution',
		getWorkflow: () => ({ id: 'fake-workflow', name: 'Fake Workflow', active: false }),
		getTimezone: () => 'UTC',
		getExecutionCancelSignal: () => options.abortSignal,
		sendMessageToUI: noop,
		getCredentials: async (type: string) => getCredentials(s, type),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, opts?: IGetNodeParameterOptions) =>
			readParameter(paramsFor(itemIndex), name, fallback, opts, options.nodeProperties),
		getWorkflowStaticData: (type: string) => {
			if (type !== 'global' && type !== 'node') throw new ApplicationError('Unknown context type. Only `global` and `node` are supported.');
			const key = type === 'global' ? 'global' : `node:${s.node.name}`;
			staticData[key] ??= {};
			return staticData[key] as IDataObject;
		},
		helpers: {
			...requestHelpers(s),
			...binaryHelpers(items, s.node),
			returnJsonArray,
			constructExecutionMetaData,
		},
	};
	return ctx as unknown as FakeExecuteFunctions;
}

/**
 * nock for one test file: no real network, mocks cleared after each test, and http restored after
 * the file. Jest runs several files in one process and nock patches the shared `http` module, so a
 * file that leaves nock applied makes the next file's mocks unreachable ("Disallowed net connect").
 */
export function useNock(allowLocalhost = false): void {
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
		if (allowLocalhost) nock.enableNetConnect('127.0.0.1');
	});
	afterEach(() => nock.cleanAll());
	afterAll(() => {
		nock.cleanAll();
		nock.enableNetConnect();
		nock.restore();
	});
}

/**
 * A low-level socket error for nock's `replyWithError`. nock 14 crashes on plain objects
 * (nock/nock#2789, #2829), so pass this instead of `{ code }`.
 */
export function networkError(code: string, message = `${code.toLowerCase()} (simulated)`): Error {
	return Object.assign(new Error(message), { code });
}

export interface LoadOptionsContextOptions extends Omit<FakeContextOptions, 'parameters' | 'items' | 'continueOnFail'> {
	/** The node's current (unsaved) parameters as the editor sends them. */
	parameters?: IDataObject;
}

/** An ILoadOptionsFunctions for loadOptions / listSearch / resourceMapping tests. */
export function createLoadOptionsContext(options: LoadOptionsContextOptions = {}): FakeLoadOptionsFunctions {
	const s = shared(options);
	const parameters = options.parameters ?? {};
	const ctx = {
		sentRequests: s.sentRequests,
		credentialStore: s.store,
		staticData: options.staticData ?? {},
		logger,
		getNode: () => s.node,
		getTimezone: () => 'UTC',
		getCredentials: async (type: string) => getCredentials(s, type),
		getCurrentNodeParameters: () => parameters,
		getCurrentNodeParameter: (path: string, opts?: IGetNodeParameterOptions) => {
			const value = getPath(parameters, path);
			return opts?.extractValue ? extractValue(value, path, options.nodeProperties) : value;
		},
		getNodeParameter: (name: string, fallback?: unknown, opts?: IGetNodeParameterOptions) =>
			readParameter(parameters, name, fallback, opts, options.nodeProperties),
		helpers: requestHelpers(s),
	};
	return ctx as unknown as FakeLoadOptionsFunctions;
}
