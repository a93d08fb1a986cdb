import { FileStateStore } from './fileStore';
import { PostgresStateStore } from './postgresStore';
import type { StateStore, StateStoreConfig } from './types';
import { StateStoreError } from './types';

/** A new store (the caller closes it). No queue-mode check: the caller knows its deployment. */
export function createStateStore(config: StateStoreConfig): StateStore {
	if (config.backend === 'file') return new FileStateStore(config);
	if (config.backend === 'postgres') return new PostgresStateStore(config);
	const backend = String((config as { backend?: unknown }).backend);
	throw new StateStoreError(`Unknown state store backend "${backend}"`, 'CONFIG');
}
