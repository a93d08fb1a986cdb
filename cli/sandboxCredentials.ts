import type { RunningSandbox } from '../sandbox';
import type { CredentialJson } from './runtime';
import { stableId } from './workflows';

/**
 * The n8n credentials that point this pack's nodes at a running sandbox, as a user would enter
 * them: the sandbox prints the same values.
 */
export function sandboxCredentials(sandbox: RunningSandbox): CredentialJson[] {
	const credentials: CredentialJson[] = [];
	const cw = sandbox.systems.connectwise?.credentials;
	if (cw) {
		credentials.push({
			id: stableId('credential:connectWisePsaApi'),
			name: 'ConnectWise PSA (sandbox)',
			type: 'connectWisePsaApi',
			data: {
				siteUrl: cw.siteUrl,
				codebase: 'v4_6_release',
				companyId: cw.companyId,
				publicKey: cw.publicKey,
				privateKey: cw.privateKey,
				clientId: cw.clientId,
				maxConcurrent: 4,
				requestsPerMinute: 0,
			},
		});
	}
	return credentials;
}
