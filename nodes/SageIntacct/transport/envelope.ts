import { asArray, attr, buildFragment, escapeText, parseXml, text, toPlain, XmlError } from './xml';
import type { XmlNode } from './xml';

/**
 * The XML API envelope. The node never sees the sender or user secrets: it leaves two slots that
 * the credential's `authenticate` fills (sender ID/password in <control>, the session in
 * <authentication>), right before n8n sends the request.
 */
export const SENDER_SLOT = '<!--intacct:sender-->';
export const AUTH_SLOT = '<!--intacct:authentication-->';

export interface IntacctFunction {
	/** The function's controlid, echoed back in its <result>. */
	controlId: string;
	/** The inside of <function>: one element, already XML. */
	xml: string;
}

export interface EnvelopeOptions {
	/** The request's control ID (echoed in the response's <control>). */
	controlId: string;
	/** With `true`, the gateway refuses a second request with the same control ID (safe resends). */
	uniqueId?: boolean;
	/** All functions succeed or none is applied. */
	transaction?: boolean;
}

/** The request body, with the sender and authentication slots still empty. */
export function buildRequest(functions: IntacctFunction[], options: EnvelopeOptions): string {
	const content = functions
		.map((f) => `<function controlid="${escapeText(f.controlId)}">${f.xml}</function>`)
		.join('');
	return (
		'<?xml version="1.0" encoding="UTF-8"?>' +
		'<request><control>' +
		SENDER_SLOT +
		`<controlid>${escapeText(options.controlId)}</controlid>` +
		`<uniqueid>${options.uniqueId ? 'true' : 'false'}</uniqueid>` +
		'<dtdversion>3.0</dtdversion><includewhitespace>false</includewhitespace>' +
		'</control>' +
		`<operation transaction="${options.transaction ? 'true' : 'false'}">` +
		`<authentication>${AUTH_SLOT}</authentication>` +
		`<content>${content}</content></operation></request>`
	);
}

/** Fills the slots: what the credential does. Only the first occurrence of each slot is ours. */
export function fillSlots(body: string, sender: string, authentication: string): string {
	const at = body.indexOf(SENDER_SLOT);
	const withSender = at < 0 ? body : body.slice(0, at) + sender + body.slice(at + SENDER_SLOT.length);
	const auth = withSender.indexOf(AUTH_SLOT);
	return auth < 0 ? withSender : withSender.slice(0, auth) + authentication + withSender.slice(auth + AUTH_SLOT.length);
}

export function senderXml(senderId: string, senderPassword: string): string {
	return `<senderid>${escapeText(senderId)}</senderid><password>${escapeText(senderPassword)}</password>`;
}

export function sessionXml(sessionId: string): string {
	return `<sessionid>${escapeText(sessionId)}</sessionid>`;
}

export function loginXml(login: { userId: string; companyId: string; password: string; entityId?: string }): string {
	return (
		'<login>' +
		`<userid>${escapeText(login.userId)}</userid>` +
		`<companyid>${escapeText(login.companyId)}</companyid>` +
		`<password>${escapeText(login.password)}</password>` +
		(login.entityId ? `<locationid>${escapeText(login.entityId)}</locationid>` : '') +
		'</login>'
	);
}

/* ------------------------------------------------------------------ functions */

export function fn(controlId: string, name: string, body: unknown): IntacctFunction {
	return { controlId, xml: buildFragment(name, body) };
}

/* ------------------------------------------------------------------ responses */

export interface IntacctError {
	errorNo: string;
	description: string;
	description2: string;
	correction: string;
}

export type Level = 'control' | 'authentication' | 'result';

export interface IntacctResult {
	status: string;
	function: string;
	controlId: string;
	/** The <data> element, when there is one. */
	data?: XmlNode;
	/** The records inside <data>, as plain JSON. */
	records: Array<Record<string, unknown>>;
	listType?: string;
	count?: number;
	totalCount?: number;
	numRemaining?: number;
	resultId?: string;
	errors: IntacctError[];
	/** The whole <result>, for the Custom API Call. */
	raw: unknown;
}

export interface IntacctResponse {
	controlStatus: string;
	controlErrors: IntacctError[];
	authStatus?: string;
	authErrors: IntacctError[];
	/** sessiontimeout of the authentication block, when the gateway states it. */
	sessionTimeout?: string;
	results: IntacctResult[];
}

function errorsOf(node: unknown): IntacctError[] {
	const message = (node as XmlNode | undefined)?.errormessage;
	return asArray<XmlNode>((message as XmlNode | undefined)?.error).map((error) => ({
		errorNo: text(error.errorno),
		description: text(error.description),
		description2: text(error.description2),
		correction: text(error.correction),
	}));
}

function numberAttr(node: unknown, name: string): number | undefined {
	const value = attr(node, name);
	if (value === undefined || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

function resultOf(node: XmlNode): IntacctResult {
	const data = typeof node.data === 'object' && !Array.isArray(node.data) ? (node.data as XmlNode) : undefined;
	const records: Array<Record<string, unknown>> = [];
	if (data) {
		for (const [name, value] of Object.entries(data)) {
			if (name === '$' || name === '_') continue;
			for (const entry of asArray(value)) {
				const plain = toPlain(entry);
				records.push(typeof plain === 'object' && plain !== null ? (plain as Record<string, unknown>) : { value: plain });
			}
		}
	}
	return {
		status: text(node.status),
		function: text(node.function),
		controlId: text(node.controlid),
		data,
		records,
		listType: attr(data, 'listtype'),
		count: numberAttr(data, 'count'),
		totalCount: numberAttr(data, 'totalcount'),
		numRemaining: numberAttr(data, 'numremaining'),
		resultId: attr(data, 'resultId'),
		errors: errorsOf(node),
		raw: toPlain(node),
	};
}

/** Reads a gateway response; throws XmlError when it is not the gateway's <response>. */
export function parseResponse(body: unknown): IntacctResponse {
	const xml = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
	if (!xml.trim()) throw new XmlError('The gateway sent an empty response');
	const doc = parseXml(xml);
	const response = doc.response as XmlNode | undefined;
	if (!response || typeof response !== 'object') throw new XmlError('The gateway response has no <response> element');
	const control = response.control as XmlNode | undefined;
	const operation = (Array.isArray(response.operation) ? response.operation[0] : response.operation) as XmlNode | undefined;
	const authentication = operation?.authentication as XmlNode | undefined;
	return {
		controlStatus: text(control?.status),
		// Gateway/parse errors sit beside <control>.
		controlErrors: errorsOf(response),
		authStatus: authentication ? text(authentication.status) : undefined,
		authErrors: errorsOf(operation),
		sessionTimeout: authentication ? text(authentication.sessiontimeout) || undefined : undefined,
		results: asArray<XmlNode>(operation?.result).map(resultOf),
	};
}
