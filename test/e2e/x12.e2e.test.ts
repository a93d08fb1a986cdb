/**
 * The X12 EDI node in a real n8n, through the shipped template workflows/x12-850-to-997.json: an 850
 * POSTed to the webhook is parsed and acknowledged, and the 997 comes back as the HTTP response. A
 * corrupted 850 gets a rejecting 997 and its raw text and file land in the Exception Queue; a resend of an
 * accepted interchange is rejected as a duplicate through the state store's control-number history.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialJson } from '../../cli/runtime';
import { bindCredentials, loadTemplates } from '../../cli/workflows';
import { elementValue, parseX12, type Segment } from '../../nodes/X12/core';
import { PROJECT_ROOT, useN8n } from './harness';

const TEMPLATE = 'x12-850-to-997.json';
const PATH = 'x12-850-to-997';
const VALID = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'x12', 'corpus', '850-4010VICS-nodex12-basic.edi'), 'utf8');
// Another interchange (ISA13/GS06 changed so it is no resend) whose only set has a wrong SE01.
const CORRUPTED = VALID.replace('*000003438*', '*000003439*')
	.replace('IEA*1*000003438', 'IEA*1*000003439')
	.replace('*1421*X*', '*1422*X*')
	.replace('GE*1*1421', 'GE*1*1422')
	.replace('SE*33*', 'SE*31*');

const credentials: CredentialJson[] = [
	{
		id: 'x12PartnerCred01',
		name: 'X12 Trading Partner',
		type: 'x12TradingPartner',
		data: {
			ourIsaQualifier: '01',
			ourIsaId: '999999999',
			theirIsaQualifier: '12',
			theirIsaId: '4405197800',
			version: '004010',
			elementSeparator: '*',
			componentSeparator: '>',
			segmentTerminator: '~',
			lineBreak: 'lf',
			usage: 'P',
			ackPolicy: '997',
		},
	},
	// The file store in the n8n user folder (the default for a single n8n).
	{ id: 'x12StateStore001', name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } },
];

const post = (text: string) => ({ rawBody: text, headers: { 'content-type': 'application/edi-x12' } });

function segmentsOf(text: string): Segment[] {
	const parsed = parseX12(text);
	expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	return parsed.interchanges.flatMap((ic) => ic.segments);
}

const find = (segments: Segment[], id: string) => segments.filter((s) => s.id === id);

interface ExecutionList {
	data: Array<{ id: string; data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, { fileName?: string }> }> | null> } }>> } } }>;
}

describe('X12 EDI in a real n8n: the 850 → 997 template', () => {
	let workflowId = '';
	const n8n = useN8n(() => {
		const template = loadTemplates(join(PROJECT_ROOT, 'workflows')).find((w) => w.file === TEMPLATE);
		if (!template) throw new Error(`${TEMPLATE} is missing`);
		workflowId = template.id as string;
		return { credentials, workflows: [bindCredentials(template, credentials)] };
	});

	/** The run data of the newest execution of the template (executions are saved right after the response). */
	async function lastRun(after: Set<string>) {
		for (let attempt = 0; attempt < 50; attempt++) {
			const response = await n8n().publicApi<ExecutionList>('GET', `executions?workflowId=${workflowId}&includeData=true&limit=5`);
			expect(response.status).toBe(200);
			const fresh = response.body.data.find((execution) => !after.has(execution.id) && execution.data?.resultData?.runData);
			if (fresh) return fresh.data!.resultData!.runData!;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		throw new Error('the execution was not saved');
	}

	async function executionIds(): Promise<Set<string>> {
		const response = await n8n().publicApi<ExecutionList>('GET', `executions?workflowId=${workflowId}&limit=100`);
		return new Set(response.body.data.map((execution) => execution.id));
	}

	it('answers a valid 850 with an accepting 997 and passes the set on', async () => {
		const before = await executionIds();

		const response = await n8n().callWebhook<string>(PATH, post(VALID));

		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toMatch(/application\/edi-x12/);
		const segments = segmentsOf(response.text);
		const [isa] = find(segments, 'ISA');
		// Sent by us (the 850's receiver) to them, as the trading partner credential says.
		expect([elementValue(isa, 5), elementValue(isa, 6).trim(), elementValue(isa, 7), elementValue(isa, 8).trim()]).toEqual(['01', '999999999', '12', '4405197800']);
		// The first number of the partner's counter in the (fresh) state store.
		expect(elementValue(isa, 13)).toBe('000000001');
		expect(find(segments, 'ST').map((s) => elementValue(s, 1))).toEqual(['997']);
		const [ak1] = find(segments, 'AK1');
		expect([elementValue(ak1, 1), elementValue(ak1, 2)]).toEqual(['PO', '1421']);
		expect(find(segments, 'AK5').map((s) => elementValue(s, 1))).toEqual(['A']);
		const [ak9] = find(segments, 'AK9');
		expect([elementValue(ak9, 1), elementValue(ak9, 2), elementValue(ak9, 3), elementValue(ak9, 4)]).toEqual(['A', '1', '1', '1']);

		const runData = await lastRun(before);
		const sets = runData['Parse Sets'][0].data?.main?.[0] ?? [];
		expect(sets.map((item) => item.json.transactionSet)).toEqual(['850']);
		expect(runData['Parse Sets'][0].data?.main?.[1] ?? []).toEqual([]);
		expect(runData['Accepted Sets'][0].data?.main?.[0]).toHaveLength(1);
	});

	it('answers a corrupted 850 with a rejecting 997 and keeps the raw set in the Exception Queue', async () => {
		const before = await executionIds();

		const response = await n8n().callWebhook<string>(PATH, post(CORRUPTED));

		expect(response.status).toBe(200);
		const segments = segmentsOf(response.text);
		expect(elementValue(find(segments, 'ISA')[0], 13)).toBe('000000002');
		const [ak1] = find(segments, 'AK1');
		expect(elementValue(ak1, 2)).toBe('1422');
		const [ak5] = find(segments, 'AK5');
		// AK502 4: the number of included segments does not match the actual count.
		expect([elementValue(ak5, 1), elementValue(ak5, 2)]).toEqual(['R', '4']);
		const [ak9] = find(segments, 'AK9');
		expect([elementValue(ak9, 1), elementValue(ak9, 2), elementValue(ak9, 3), elementValue(ak9, 4)]).toEqual(['R', '1', '1', '0']);

		const runData = await lastRun(before);
		expect(runData['Parse Sets'][0].data?.main?.[0] ?? []).toEqual([]);
		const rejected = runData['Parse Sets'][0].data?.main?.[1] ?? [];
		expect(rejected).toHaveLength(1);
		const raw = CORRUPTED.slice(CORRUPTED.indexOf('ST*850'), CORRUPTED.indexOf('GE*1'));
		expect(rejected[0].json).toMatchObject({ rejected: true, transactionSet: '850', raw });
		expect(String(rejected[0].json.reason)).toMatch(/SE01/);
		// The original file travels with the rejected item.
		expect(rejected[0].binary?.data).toBeDefined();
		// ...into the Exception Queue, with the raw set, the reason and the file kept for replay.
		const queued = runData['Rejected Sets'][0].data?.main?.[0] ?? [];
		expect(queued).toHaveLength(1);
		expect(queued[0].json).toMatchObject({ queue: 'x12-inbound', status: 'open', attempts: 1, errorClass: 'validation', system: 'x12', entity: '850' });
		// Keyed sender:ISA13:set:ST02.
		const st02 = raw.slice('ST*850*'.length).split(/[*~]/)[0];
		expect(queued[0].json.key).toBe(`4405197800:${elementValue(find(parseX12(CORRUPTED).interchanges[0].segments, 'ISA')[0], 13)}:850:${st02}`);
		const payload = queued[0].json.payload as { json: { raw: string }; binary: { data: { mimeType?: string } } };
		expect(payload.json.raw).toBe(raw);
		expect(payload.binary.data).toBeDefined();
	});

	it('rejects a resend of an accepted interchange as a duplicate (TA1 025) and passes no set on', async () => {
		const before = await executionIds();

		const response = await n8n().callWebhook<string>(PATH, post(VALID));

		expect(response.status).toBe(200);
		const segments = segmentsOf(response.text);
		expect(elementValue(find(segments, 'ISA')[0], 13)).toBe('000000003');
		const [ta1] = find(segments, 'TA1');
		expect([elementValue(ta1, 1), elementValue(ta1, 4), elementValue(ta1, 5)]).toEqual(['000003438', 'R', '025']);
		expect(find(segments, 'AK9')).toEqual([]);

		const runData = await lastRun(before);
		expect(runData['Parse Sets'][0].data?.main?.[0] ?? []).toEqual([]);
		expect(runData['Parse Sets'][0].data?.main?.[1]).toHaveLength(1);
	});
});
