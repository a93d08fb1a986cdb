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
	const bc = sandbox.systems.businesscentral?.credentials;
	if (bc) {
		credentials.push({
			id: stableId('credential:businessCentralOAuth2Api'),
			name: 'Business Central (sandbox)',
			type: 'businessCentralOAuth2Api',
			data: {
				grantType: 'clientCredentials',
				tenantId: bc.tenantId,
				environment: bc.environment,
				clientId: bc.clientId,
				clientSecret: bc.clientSecret,
				loginUrl: bc.loginUrl,
				apiUrl: bc.apiUrl,
				scope: bc.scope,
				authentication: 'body',
			},
		});
	}
	return credentials;
}

/** The demo retailer that sends purchase orders, and the demo distributor (us) that acknowledges them. */
export const DEMO_RETAILER = { qualifier: 'ZZ', id: 'RETAILERDEMO' };
export const DEMO_DISTRIBUTOR = { qualifier: 'ZZ', id: 'DISTRIBDEMO' };

/**
 * Everything the shipped templates need in the demo: the sandbox credentials, the demo retailer as an
 * X12 trading partner, and the file state store in the n8n user folder (the single-n8n default).
 */
export function demoCredentials(sandbox: RunningSandbox): CredentialJson[] {
	return [
		...sandboxCredentials(sandbox),
		{
			id: stableId('credential:x12TradingPartner'),
			name: 'X12 Trading Partner (demo retailer)',
			type: 'x12TradingPartner',
			data: {
				ourIsaQualifier: DEMO_DISTRIBUTOR.qualifier,
				ourIsaId: DEMO_DISTRIBUTOR.id,
				theirIsaQualifier: DEMO_RETAILER.qualifier,
				theirIsaId: DEMO_RETAILER.id,
				ourGsId: DEMO_DISTRIBUTOR.id,
				theirGsId: DEMO_RETAILER.id,
				version: '004010',
				elementSeparator: '*',
				componentSeparator: '>',
				segmentTerminator: '~',
				lineBreak: 'lf',
				usage: 'P',
				ackPolicy: '997',
			},
		},
		{ id: stableId('credential:interopStateStore'), name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } },
	];
}
