import { runtimePath, type N8nRuntime } from './install';

/** A fixed test key: imported credentials are encrypted with it, so every command must use the same one. */
export const TEST_ENCRYPTION_KEY = 'erp-interop-test-encryption-key';

/** Inherited variables that would change how n8n behaves (the caller's own n8n, jest's NODE_ENV=test, ...). */
const INHERITED_NOT_PASSED = /^(N8N_|DB_|QUEUE_|EXECUTIONS_|GENERIC_TIMEZONE$|WEBHOOK_URL$|JEST_|NODE_OPTIONS$|NODE_ENV$|npm_)/;

export interface N8nEnvOptions {
	runtime: N8nRuntime;
	userFolder: string;
	/** The HTTP port of `n8n start` (also the port of its webhook URLs). */
	port: number;
	/** The task broker port of this particular process: every n8n process starts its own broker. */
	brokerPort: number;
	encryptionKey?: string;
	extra?: Record<string, string>;
}

/**
 * The environment of every n8n process (start, CLI commands, later workers): an isolated user folder
 * and SQLite database, loopback only, JSON logs, and nothing that calls home.
 */
export function n8nEnv(options: N8nEnvOptions): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!INHERITED_NOT_PASSED.test(key)) env[key] = value;
	}
	const origin = `http://127.0.0.1:${options.port}`;
	return {
		...env,
		PATH: runtimePath(options.runtime),
		NODE_ENV: 'production',
		N8N_USER_FOLDER: options.userFolder,
		N8N_ENCRYPTION_KEY: options.encryptionKey ?? TEST_ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(options.port),
		// Webhook URLs follow from protocol, host and port (WEBHOOK_URL is deprecated from 2.3x on).
		N8N_EDITOR_BASE_URL: `${origin}/`,
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		// One JSON object per line: `execute --rawOutput` prints the run through the logger (info level).
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_SECURE_COOKIE: 'false',
		SCARF_ANALYTICS: 'false',
		...(options.runtime.disabledModules.length > 0
			? { N8N_DISABLED_MODULES: options.runtime.disabledModules.join(',') }
			: {}),
		...options.extra,
	};
}
