/**
 * Workflows of the scale scenarios. The first one is built from what the pack has today (the X12
 * 850 → 997 template's shape, with the orders written to NetSuite): the order-orchestration template
 * replaces it once it exists.
 */
import type { CredentialJson, WorkflowJson } from '../../cli/runtime';

const PKG = 'n8n-nodes-erp-interop';
export const X12_QUEUE = 'scale-x12-inbound';
export const ORDER_QUEUE = 'scale-orders';
export const ORDER_WEBHOOK = 'scale-850-orders';
export const FILE_STORE_WEBHOOK = 'scale-file-store';

const ref = (credential: CredentialJson) => ({ [credential.type]: { id: credential.id, name: credential.name } });

/** `segments` of a parsed set hold `{ id, elements }` with plain elements as strings (element 01 at index 0). */
const BEG03 = "$json.segments.find((s) => s.id === 'BEG').elements[2]";
const ORDER_FIELDS = [
	'={{ JSON.stringify({',
	"entity: { id: $json.segments.find((s) => s.id === 'N1' && s.elements[0] === 'BY').elements[3] },",
	`otherRefNum: ${BEG03},`,
	"item: { items: $json.segments.filter((s) => s.id === 'PO1').map((s) => ({ item: { id: s.elements[6] }, quantity: Number(s.elements[1]), rate: Number(s.elements[3]) })) }",
	'}) }}',
].join(' ');

/**
 * Webhook (850 in) → Parse Sets → NetSuite upsert of the sales order by external id (= the PO
 * number), failures → Exception Queue; rejected sets → Exception Queue, except resends of an
 * interchange already received; then Acknowledge → the 997 (or TA1) as the HTTP answer. Parse sits
 * above Acknowledge, so (execution order v1) the order is written, or queued as an exception,
 * before the interchange is recorded as received: a resend after a crash either finds it recorded
 * (TA1 025, the order is there) or runs again (the upsert is idempotent).
 */
export function ordersWorkflow(c: { partner: CredentialJson; store: CredentialJson; netsuite: CredentialJson }): WorkflowJson {
	return {
		id: 'scaleX12Orders01',
		name: 'Scale: X12 850 to NetSuite sales orders',
		active: true,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'so-receive',
				name: 'Receive 850',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 200],
				webhookId: ORDER_WEBHOOK,
				parameters: { httpMethod: 'POST', path: ORDER_WEBHOOK, responseMode: 'responseNode', options: { binaryPropertyName: 'data' } },
			},
			{
				id: 'so-parse',
				name: 'Parse Sets',
				type: `${PKG}.x12Edi`,
				typeVersion: 1,
				position: [240, 0],
				parameters: { operation: 'parse', inputMode: 'binary', binaryPropertyName: 'data', options: {} },
				credentials: ref(c.store),
			},
			{
				id: 'so-upsert',
				name: 'Upsert Sales Order',
				type: `${PKG}.netSuiteErp`,
				typeVersion: 1,
				position: [480, -100],
				onError: 'continueErrorOutput',
				parameters: {
					resource: 'record',
					operation: 'upsert',
					recordType: 'salesOrder',
					externalId: `={{ ${BEG03} }}`,
					inputMode: 'fields',
					fields: ORDER_FIELDS,
					options: {},
				},
				credentials: ref(c.netsuite),
			},
			{ id: 'so-written', name: 'Order Written', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [720, -200], parameters: {} },
			{
				id: 'so-failed',
				name: 'Order Exceptions',
				type: `${PKG}.exceptionQueue`,
				typeVersion: 1,
				position: [720, -40],
				parameters: {
					operation: 'add',
					queue: ORDER_QUEUE,
					key: `={{ 'PO:' + $('Parse Sets').item.json.segments.find((s) => s.id === 'BEG').elements[2] }}`,
					payloadSource: 'item',
					errorClass: 'auto',
					options: { system: 'netsuite', entity: 'salesOrder', node: 'Upsert Sales Order' },
				},
				credentials: ref(c.store),
			},
			{
				id: 'so-resend',
				name: 'Received Before?',
				type: 'n8n-nodes-base.if',
				typeVersion: 2,
				position: [480, 100],
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
						conditions: [
							{
								id: 'seen',
								leftValue: "={{ ($json.diagnostics || []).some((d) => String(d.code).startsWith('SEEN_')) }}",
								rightValue: '',
								operator: { type: 'boolean', operation: 'true', singleValue: true },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			{ id: 'so-dup', name: 'Already Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [720, 60], parameters: {} },
			{
				id: 'so-rejected',
				name: 'Rejected Sets',
				type: `${PKG}.exceptionQueue`,
				typeVersion: 1,
				position: [720, 160],
				parameters: {
					operation: 'add',
					queue: X12_QUEUE,
					key: "={{ [$json.interchange?.sender || 'unknown-sender', $json.interchange?.controlNumber || 'no-isa13', $json.transactionSet || 'file', $json.controlNumber || ''].join(':') }}",
					payloadSource: 'item',
					message: "={{ 'Rejected X12 ' + ($json.transactionSet || 'file') + ': ' + $json.reason }}",
					errorClass: 'validation',
					options: { system: 'x12', entity: "={{ $json.transactionSet || 'interchange' }}", node: 'Parse Sets' },
				},
				credentials: ref(c.store),
			},
			{
				id: 'so-ack',
				name: 'Acknowledge',
				type: `${PKG}.x12Edi`,
				typeVersion: 1,
				position: [240, 400],
				parameters: { operation: 'acknowledge', inputMode: 'binary', binaryPropertyName: 'data', ackType: 'partner', options: {} },
				credentials: { ...ref(c.partner), ...ref(c.store) },
			},
			{
				id: 'so-respond',
				name: 'Respond with 997',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.1,
				position: [480, 400],
				parameters: {
					respondWith: 'text',
					responseBody: '={{ $json.ack }}',
					options: { responseCode: 200, responseHeaders: { entries: [{ name: 'Content-Type', value: 'application/edi-x12' }] } },
				},
			},
		],
		connections: {
			'Receive 850': {
				main: [
					[
						{ node: 'Parse Sets', type: 'main', index: 0 },
						{ node: 'Acknowledge', type: 'main', index: 0 },
					],
				],
			},
			'Parse Sets': {
				main: [[{ node: 'Upsert Sales Order', type: 'main', index: 0 }], [{ node: 'Received Before?', type: 'main', index: 0 }]],
			},
			'Upsert Sales Order': {
				main: [[{ node: 'Order Written', type: 'main', index: 0 }], [{ node: 'Order Exceptions', type: 'main', index: 0 }]],
			},
			'Received Before?': {
				main: [[{ node: 'Already Received', type: 'main', index: 0 }], [{ node: 'Rejected Sets', type: 'main', index: 0 }]],
			},
			Acknowledge: { main: [[{ node: 'Respond with 997', type: 'main', index: 0 }]] },
		},
	};
}

/** Webhook → Exception Queue (Get Many) with a file-backend state store: must be refused on a queue-mode worker. */
export function fileStoreWorkflow(fileStore: CredentialJson): WorkflowJson {
	return {
		id: 'scaleFileStore01',
		name: 'Scale: file state store in queue mode',
		active: true,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'fs-receive',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: FILE_STORE_WEBHOOK,
				parameters: { httpMethod: 'POST', path: FILE_STORE_WEBHOOK, responseMode: 'lastNode', options: {} },
			},
			{
				id: 'fs-queue',
				name: 'Exception Queue',
				type: `${PKG}.exceptionQueue`,
				typeVersion: 1,
				position: [240, 0],
				parameters: { operation: 'getMany', queue: 'file-store-probe', status: 'open', returnAll: true },
				credentials: ref(fileStore),
			},
		],
		connections: { Webhook: { main: [[{ node: 'Exception Queue', type: 'main', index: 0 }]] } },
	};
}
