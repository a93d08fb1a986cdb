import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AuditLog } from '../../nodes/AuditLog/AuditLog.node';
import { closeSharedStateStores, getSharedStateStore } from '../../nodes/common/state';
import { createExecuteContext } from '../helpers/fakeContext';

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'audit-node-'));
});
afterAll(async () => {
	await closeSharedStateStores();
	rmSync(folder, { recursive: true, force: true });
});

async function run(parameters: IDataObject | ((itemIndex: number) => IDataObject), items: INodeExecutionData[] = [{ json: {} }], continueOnFail = false) {
	const ctx = createExecuteContext({
		parameters: (i: number) => ({ log: 'rebates', ...(typeof parameters === 'function' ? parameters(i) : parameters) }),
		items,
		credentials: { interopStateStore: { backend: 'file', folder } },
		node: { type: 'n8n-nodes-erp-interop.auditLog' },
		continueOnFail,
	});
	return (await new AuditLog().execute.call(ctx))[0];
}

const append = (entityId: string, decision: string) => ({
	operation: 'append',
	actor: 'approver@msp.example',
	action: 'decide',
	entityType: 'accrual',
	entityId,
	additionalFields: { decision, before: '{"status":"pending"}', after: `{"status":"${decision}"}` },
});

describe('Audit Log node', () => {
	it('appends per item, passing items through with the entry index and hash', async () => {
		const out = await run((i) => append(`A-${i + 1}`, 'approved'), [{ json: { id: 'A-1' } }, { json: { id: 'A-2' } }]);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out.map((i) => (i.json._audit as IDataObject).index)).toEqual([1, 2]);
		expect(out[0].json.id).toBe('A-1');
	});

	it('queries one record and verifies; a tampered entry fails Verify with its index', async () => {
		await run(append('A-1', 'rejected'));
		const history = await run({ operation: 'query', entityType: 'accrual', entityId: 'A-1', returnAll: true }, [{ json: {} }, { json: {} }]);
		expect(history.map((e) => [e.json.index, e.json.decision])).toEqual([
			[1, 'approved'],
			[3, 'rejected'],
		]);
		expect((await run({ operation: 'verify', failWhenTampered: true }))[0].json).toMatchObject({ valid: true, entries: 3 });

		const store = getSharedStateStore({ backend: 'file', folder });
		const key = 'e:000000000002';
		const entry = (await store.get<IDataObject>('audit:rebates', key))!.value;
		await store.put('audit:rebates', key, { ...entry, decision: 'approved-by-nobody' });
		const [report] = await run({ operation: 'verify', failWhenTampered: false });
		expect(report.json.valid).toBe(false);
		expect(report.json.problems).toEqual([expect.objectContaining({ index: 2, kind: 'edited' })]);
		await expect(run({ operation: 'verify', failWhenTampered: true })).rejects.toThrow('Audit log "rebates" was tampered with: Entry 2 was changed');
	});

	it('names an empty required field and bad JSON', async () => {
		await expect(run({ ...append('', 'approved') })).rejects.toThrow('Entity ID is empty');
		await expect(run({ ...append('A-9', 'approved'), additionalFields: { before: '{nope' } })).rejects.toThrow('Before (JSON) is not valid JSON');
	});
});
