/**
 * Selecting the state store. Nodes call `getStateStore(this)`; the CLI, benchmarks and tests call
 * `createStateStore(config)`. Stores are cached per configuration for the life of the process:
 * the file store's in-process lock and cache, and the Postgres pool, are shared by all executions.
 */
import type { FunctionsBase } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	configFromCredential,
	isQueueMode,
	QUEUE_MODE_FILE_STORE_HINT,
	QUEUE_MODE_FILE_STORE_MESSAGE,
	STATE_STORE_CREDENTIAL,
} from './config';
import { createStateStore } from './factory';
import type { StateStore, StateStoreConfig } from './types';
import { hashConfig } from './util';

export * from './types';
export { assertBackendAllowed, configFromCredential, isQueueMode, STATE_STORE_CREDENTIAL } from './config';
export { stateStoreCredentialTest } from './credentialTest';
export { createStateStore } from './factory';
export { defaultStateFolder, FileStateStore } from './fileStore';
export { PostgresStateStore } from './postgresStore';

type Method = Exclude<keyof StateStore, 'backend' | 'close'>;
const METHODS: Method[] = [
	'get',
	'getMany',
	'put',
	'putMany',
	'compareAndSet',
	'delete',
	'list',
	'purgeExpired',
	'increment',
	'getCounter',
	'setCounter',
	'append',
	'readLog',
	'enqueue',
	'getQueueItem',
	'listQueue',
	'updateQueueItem',
];

/** The shared store with a `close` that does nothing, so one node cannot close it for all. */
function shared(store: StateStore): StateStore {
	const view: Record<string, unknown> = { backend: store.backend, close: async () => undefined };
	for (const method of METHODS) view[method] = (store[method] as (...args: unknown[]) => unknown).bind(store);
	return view as unknown as StateStore;
}

const cache = new Map<string, { store: StateStore; view: StateStore }>();

/** The process-wide store for a configuration. */
export function getSharedStateStore(config: StateStoreConfig): StateStore {
	const key = hashConfig(config);
	let entry = cache.get(key);
	if (!entry) {
		const store = createStateStore(config);
		entry = { store, view: shared(store) };
		cache.set(key, entry);
	}
	return entry.view;
}

/** Closes every cached store (CLI shutdown, tests). */
export async function closeSharedStateStores(): Promise<void> {
	const entries = [...cache.values()];
	cache.clear();
	await Promise.all(entries.map(async ({ store }) => await store.close()));
}

export type StateStoreContext = Pick<FunctionsBase, 'getCredentials' | 'getNode'>;

/**
 * The store selected by the node's Interop State Store credential (declare it in the node's
 * `credentials` with `testedBy: 'stateStoreCredentialTest'`). Refuses the file backend when n8n
 * runs in queue mode. Do not close the returned store.
 */
export async function getStateStore(ctx: StateStoreContext, itemIndex?: number): Promise<StateStore> {
	const data = await ctx.getCredentials(STATE_STORE_CREDENTIAL, itemIndex);
	let config: StateStoreConfig;
	try {
		config = configFromCredential(data);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
	if (config.backend === 'file' && isQueueMode()) {
		throw new NodeOperationError(ctx.getNode(), QUEUE_MODE_FILE_STORE_MESSAGE, {
			description: QUEUE_MODE_FILE_STORE_HINT,
			itemIndex,
		});
	}
	return getSharedStateStore(config);
}
