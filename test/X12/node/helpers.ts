/**
 * Helpers for the X12 EDI node's unit tests: input items with X12 files as binary data (in memory, or
 * "in the filesystem" with an id so the node takes n8n's streaming path), and a file state store.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { IBinaryData, ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { createExecuteContext, type FakeContextOptions, type FakeExecuteFunctions } from '../../helpers/fakeContext';
import { X12Edi } from '../../../nodes/X12/X12Edi.node';
import { closeSharedStateStores } from '../../../nodes/common/state';

export const CORPUS = join(__dirname, '..', '..', 'fixtures', 'x12', 'corpus');
export const corpus = (name: string) => readFileSync(join(CORPUS, name), 'utf8');

export function binaryItem(text: string, options: { property?: string; stored?: boolean; json?: IDataObject } = {}): INodeExecutionData {
	const data: IBinaryData = {
		data: options.stored ? 'filesystem-v2' : Buffer.from(text, 'utf8').toString('base64'),
		mimeType: 'application/edi-x12',
		fileName: 'in.edi',
	};
	if (options.stored) data.id = `filesystem-v2:${Buffer.from(text, 'utf8').toString('base64')}`;
	return { json: options.json ?? {}, binary: { [options.property ?? 'data']: data } };
}

export interface Streams {
	/** How many times the node opened a stored binary as a stream. */
	opened: number;
}

/** A context like n8n's for the X12 node: getBinaryStream yields stored binaries in small chunks. */
export function x12Context(options: FakeContextOptions): FakeExecuteFunctions & { streams: Streams } {
	const ctx = createExecuteContext({ ...options, node: { type: 'n8n-nodes-erp-interop.x12Edi', ...options.node } });
	const streams: Streams = { opened: 0 };
	const helpers = ctx.helpers as unknown as IDataObject;
	helpers.getBinaryStream = async (id: string) => {
		streams.opened++;
		const bytes = Buffer.from(id.replace(/^filesystem-v2:/, ''), 'base64');
		const chunks: Buffer[] = [];
		for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
		return Readable.from(chunks);
	};
	return Object.assign(ctx, { streams });
}

export async function run(ctx: FakeExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await new X12Edi().execute.call(ctx);
}

export const PARTNER = {
	ourIsaQualifier: 'ZZ',
	ourIsaId: 'OURCOMPANY',
	theirIsaQualifier: '01',
	theirIsaId: '4405197800',
	version: '004010',
	elementSeparator: '*',
	componentSeparator: '>',
	segmentTerminator: '~',
	lineBreak: 'none',
	usage: 'P',
	ackPolicy: '997',
};

/** A temporary file state store credential, removed (and the shared stores closed) after the file's tests. */
export function useFileStore(): () => ICredentialDataDecryptedObject {
	let folder = '';
	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'x12-node-state-'));
	});
	afterAll(async () => {
		await closeSharedStateStores();
		rmSync(folder, { recursive: true, force: true });
	});
	return () => ({ backend: 'file', folder });
}

/** Replaces the first occurrence of `from` (must exist) in an X12 text. */
export function corrupt(text: string, from: string, to: string): string {
	if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
	return text.replace(from, to);
}
