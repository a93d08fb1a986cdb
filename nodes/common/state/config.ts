/** From the Interop State Store credential to a store configuration, and the queue-mode rule. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { PostgresSsl, StateStoreConfig } from './types';
import { StateStoreError } from './types';

export const STATE_STORE_CREDENTIAL = 'interopStateStore';

const str = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Reads the credential's fields (missing ones take the credential's defaults). */
export function configFromCredential(data: ICredentialDataDecryptedObject | undefined): StateStoreConfig {
	const backend = data?.backend ?? 'file';
	if (backend === 'file') {
		const folder = str(data?.folder);
		return folder ? { backend: 'file', folder } : { backend: 'file' };
	}
	if (backend !== 'postgres') {
		throw new StateStoreError(`Unknown state store backend "${String(backend)}"`, 'CONFIG');
	}
	const ssl = (str(data?.ssl) ?? 'disable') as PostgresSsl;
	if (!['disable', 'require', 'no-verify'].includes(ssl)) {
		throw new StateStoreError(`Unknown SSL mode "${ssl}"`, 'CONFIG');
	}
	const port = Number(data?.port ?? 5432);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new StateStoreError('The state store port must be a number from 1 to 65535', 'CONFIG');
	}
	return {
		backend: 'postgres',
		host: str(data?.host) ?? 'localhost',
		port,
		database: str(data?.database) ?? 'n8n',
		user: str(data?.user) ?? 'postgres',
		password: typeof data?.password === 'string' ? data.password : '',
		ssl,
		schema: str(data?.schema) ?? 'public',
	};
}

/** n8n's scaling mode: executions run on worker processes, possibly on other hosts. */
export function isQueueMode(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.EXECUTIONS_MODE === 'queue';
}

export const QUEUE_MODE_FILE_STORE_MESSAGE =
	'The Interop State Store credential uses the file backend, but n8n runs in queue mode ' +
	'(EXECUTIONS_MODE=queue): each worker would keep its own files, so watermarks, idempotency ' +
	'keys and control numbers would diverge or repeat.';

export const QUEUE_MODE_FILE_STORE_HINT =
	'Open the Interop State Store credential and set Backend to PostgreSQL (n8n’s own Postgres ' +
	'server works; the tables are created on first use), then re-run.';

/** Refuses the file backend in queue mode. */
export function assertBackendAllowed(config: StateStoreConfig, env: NodeJS.ProcessEnv = process.env): void {
	if (config.backend === 'file' && isQueueMode(env)) {
		throw new StateStoreError(`${QUEUE_MODE_FILE_STORE_MESSAGE} ${QUEUE_MODE_FILE_STORE_HINT}`, 'CONFIG');
	}
}
