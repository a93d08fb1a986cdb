/**
 * The Interop State Store credential's test. It is not an HTTP credential, so a node that uses
 * the store registers this under `methods.credentialTest` and names it in `testedBy`.
 */
import { randomUUID } from 'node:crypto';
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { assertBackendAllowed, configFromCredential } from './config';
import { createStateStore } from './factory';
import type { StateStore, StateStoreConfig } from './types';

const TEST_NAMESPACE = 'erp-interop:credential-test';

function where(config: StateStoreConfig): string {
	if (config.backend === 'postgres') {
		return `PostgreSQL ${config.host}:${config.port}/${config.database}, schema ${config.schema}`;
	}
	return 'file store';
}

/** Opens the store the credential describes and writes, reads and deletes one key. */
export async function stateStoreCredentialTest(
	this: ICredentialTestFunctions | void,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const password = typeof credential.data?.password === 'string' ? credential.data.password : '';
	let store: StateStore | undefined;
	let result: INodeCredentialTestResult;
	try {
		const config = configFromCredential(credential.data);
		assertBackendAllowed(config);
		store = createStateStore(config.backend === 'postgres' ? { ...config, sharePool: false } : config);
		const key = randomUUID();
		const written = await store.put(TEST_NAMESPACE, key, { key }, { ttlMs: 60_000 });
		const read = await store.get<{ key: string }>(TEST_NAMESPACE, key);
		await store.delete(TEST_NAMESPACE, key);
		result =
			read?.version === written && read.value.key === key
				? { status: 'OK', message: `Connection successful (${where(config)})` }
				: { status: 'Error', message: 'The store did not return the value just written' };
	} catch (error) {
		let message = error instanceof Error ? error.message : String(error);
		// Drivers do not echo passwords, but never let one reach the UI if one ever did.
		if (password.length >= 3) message = message.split(password).join('***');
		result = { status: 'Error', message };
	} finally {
		await store?.close().catch(() => undefined);
	}
	return result;
}
