// n8n's community-node rules (the self-hosted set: this pack needs the file system and PostgreSQL
// for its state store, so it is not an n8n Cloud package) plus n8n-nodes-base's node/credential rules.
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const community = n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport;

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.e2e/**', '.bench/**', '.demo/**', '**/*.js', '**/*.mjs'] },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{
		...community,
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		// The package.json rules read it as a JavaScript object expression.
		languageOptions: { parser: tseslint.parser },
		rules: {
			...community.rules,
			// pg is the PostgreSQL state-store backend (queue mode) and xml2js parses Sage Intacct's XML
			// gateway responses; both must ship with the pack.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Conflicts with @n8n/community-nodes/credential-documentation-url, which requires a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// NodeConnectionTypes.Main is the typed constant n8n itself now uses.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
);
