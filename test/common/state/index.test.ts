import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ICredentialDataDecryptedObject, INode, INodeType } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InteropStateStore } from '../../../credentials/InteropStateStore.credentials';
import {
	closeSharedStateStores,
	configFromCredential,
	createStateStore,
	FileStateStore,
	getStateStore,
	PostgresStateStore,
	stateStoreCredentialTest,
	type StateStoreContext,
} from '../../../nodes/common/state';

const node: INode = {
	id: 'n1',
	name: 'Audit Log',
	type: 'n8n-nodes-erp-interop.auditLog',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function context(data: ICredentialDataDecryptedObject): StateStoreContext & { requested: string[] } {
	const requested: string[] = [];
	return {
		requested,
		getNode: () => node,
		getCredentials: (async (type: string) => {
			requested.push(type);
			return data;
		}) as StateStoreContext['getCredentials'],
	};
}

let folder: string;
const previousMode = process.env.EXECUTIONS_MODE;

beforeEach(async () => {
	folder = await fs.mkdtemp(join(tmpdir(), 'erp-interop-select-'));
	delete process.env.EXECUTIONS_MODE;
});

afterEach(async () => {
	await closeSharedStateStores();
	if (previousMode === undefined) delete process.env.EXECUTIONS_MODE;
	else process.env.EXECUTIONS_MODE = previousMode;
	await fs.rm(folder, { recursive: true, force: true });
});

describe('getStateStore', () => {
	it('reads the interopStateStore credential and returns one shared store per configuration', async () => {
		const ctx = context({ backend: 'file', folder });
		const store = await getStateStore(ctx);
		expect(ctx.requested).toEqual(['interopStateStore']);
		expect(store.backend).toBe('file');
		await store.put('ns', 'k', 'v');
		expect(await fs.readdir(folder)).not.toHaveLength(0);

		const again = await getStateStore(context({ backend: 'file', folder }));
		expect(again).toBe(store);
		const other = await getStateStore(context({ backend: 'file', folder: join(folder, 'other') }));
		expect(other).not.toBe(store);
		expect(await other.get('ns', 'k')).toBeUndefined();
	});

	it('hands out a store whose close() does not close it for everyone else', async () => {
		const store = await getStateStore(context({ backend: 'file', folder }));
		await store.close();
		expect(await store.increment('still-open')).toBe(1);
		await closeSharedStateStores();
		// After the process-wide close, a new shared store is made.
		const fresh = await getStateStore(context({ backend: 'file', folder }));
		expect(fresh).not.toBe(store);
		expect(await fresh.increment('still-open')).toBe(2);
	});

	it('refuses the file backend in queue mode with a NodeOperationError that says what to do', async () => {
		process.env.EXECUTIONS_MODE = 'queue';
		const error = (await getStateStore(context({ backend: 'file', folder })).catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/queue mode/);
		expect(error.description).toMatch(/PostgreSQL/);
		expect(error.node).toBe(node);
		expect(await fs.readdir(folder)).toEqual([]);
	});

	it('allows the postgres backend in queue mode (without connecting until first use)', async () => {
		process.env.EXECUTIONS_MODE = 'queue';
		const store = await getStateStore(context({ backend: 'postgres', host: '127.0.0.1', port: 1, password: 'pw' }));
		expect(store.backend).toBe('postgres');
	});

	it('turns an invalid credential into a NodeOperationError', async () => {
		await expect(getStateStore(context({ backend: 'redis' }))).rejects.toThrow(NodeOperationError);
		await expect(getStateStore(context({ backend: 'postgres', port: 70000 }))).rejects.toThrow(/port/);
	});
});

describe('configFromCredential / createStateStore', () => {
	it('applies the credential defaults and trims fields', () => {
		expect(configFromCredential({})).toEqual({ backend: 'file' });
		expect(configFromCredential({ backend: 'file', folder: '  ' })).toEqual({ backend: 'file' });
		expect(configFromCredential({ backend: 'file', folder: ' /srv/state ' })).toEqual({ backend: 'file', folder: '/srv/state' });
		expect(configFromCredential({ backend: 'postgres' })).toEqual({
			backend: 'postgres',
			host: 'localhost',
			port: 5432,
			database: 'n8n',
			user: 'postgres',
			password: '',
			ssl: 'disable',
			schema: 'public',
		});
		expect(() => configFromCredential({ backend: 'postgres', ssl: 'bogus' })).toThrow(/SSL/);
	});

	it('creates the backend the configuration names', async () => {
		const file = createStateStore({ backend: 'file', folder });
		expect(file).toBeInstanceOf(FileStateStore);
		const pg = createStateStore({ backend: 'postgres', host: '127.0.0.1', port: 1 });
		expect(pg).toBeInstanceOf(PostgresStateStore);
		await Promise.all([file.close(), pg.close()]);
		expect(() => createStateStore({ backend: 'mongo' } as never)).toThrow(/Unknown state store backend/);
	});
});

describe('stateStoreCredentialTest', () => {
	const test = (data: ICredentialDataDecryptedObject) =>
		stateStoreCredentialTest.call(undefined, { id: 'c1', name: 'State', type: 'interopStateStore', data });

	it('fits a node\'s methods.credentialTest (the testedBy target)', () => {
		const methods: INodeType['methods'] = { credentialTest: { stateStoreCredentialTest } };
		expect(typeof methods?.credentialTest?.stateStoreCredentialTest).toBe('function');
	});

	it('round-trips a key through the file store and leaves no test key behind', async () => {
		expect(await test({ backend: 'file', folder })).toEqual({ status: 'OK', message: expect.stringContaining('file') });
		const store = new FileStateStore({ folder });
		expect((await store.list('erp-interop:credential-test')).items).toEqual([]);
	});

	it('reports the queue-mode problem and unusable folders as errors', async () => {
		process.env.EXECUTIONS_MODE = 'queue';
		const queued = await test({ backend: 'file', folder });
		expect(queued).toEqual({ status: 'Error', message: expect.stringContaining('PostgreSQL') });
		delete process.env.EXECUTIONS_MODE;
		const blocker = join(folder, 'a-file');
		await fs.writeFile(blocker, 'x');
		expect((await test({ backend: 'file', folder: join(blocker, 'sub') })).status).toBe('Error');
	});
});

describe('Interop State Store credential', () => {
	it('is named interopStateStore, with the Postgres fields shown only for that backend and a masked password', () => {
		const credential = new InteropStateStore();
		expect(credential.name).toBe('interopStateStore');
		expect(credential.displayName).toBe('Interop State Store');
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(Object.keys(byName)).toEqual(['backend', 'folder', 'host', 'port', 'database', 'user', 'password', 'ssl', 'schema']);
		expect(byName.password.typeOptions).toEqual({ password: true });
		for (const name of ['host', 'port', 'database', 'user', 'password', 'ssl', 'schema']) {
			expect(byName[name].displayOptions).toEqual({ show: { backend: ['postgres'] } });
		}
		// The credential's option values are the ones configFromCredential understands.
		const ssl = (byName.ssl.options as Array<{ value: string }>).map((o) => o.value);
		for (const value of ssl) expect(configFromCredential({ backend: 'postgres', ssl: value })).toMatchObject({ ssl: value });
		// Missing fields default as in the credential.
		const defaults = Object.fromEntries(credential.properties.map((p) => [p.name, p.default]));
		expect(configFromCredential({ backend: 'postgres' })).toMatchObject({
			host: defaults.host,
			port: defaults.port,
			database: defaults.database,
			user: defaults.user,
			ssl: defaults.ssl,
			schema: defaults.schema,
		});
		expect(configFromCredential({}).backend).toBe(defaults.backend);
		const backends = (byName.backend.options as Array<{ value: string }>).map((o) => o.value);
		expect(backends.map((backend) => configFromCredential({ backend }).backend)).toEqual(['file', 'postgres']);
	});
});
