/**
 * The environment for npm commands run outside the project. `npm run` exports the project's own npm
 * settings (ignore-scripts, omit, prefix, ...) as npm_config_* variables; they must not leak into the
 * installs in the cache, while registry, proxy and cache settings are kept.
 */
const PROJECT_ONLY = /^npm_config_(ignore_scripts|prefix|local_prefix|global_prefix|global|omit|include|only|production|save.*|workspaces?|include_workspace_root|package_lock.*|dry_run|nodedir)$/i;

export function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (PROJECT_ONLY.test(key) || /^npm_(package|lifecycle)_/i.test(key)) continue;
		env[key] = value;
	}
	return {
		...env,
		SCARF_ANALYTICS: 'false',
		N8N_DISABLE_TELEMETRY: 'true',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
		...extra,
	};
}
