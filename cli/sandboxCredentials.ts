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
	const at = sandbox.systems.autotask?.credentials;
	if (at) {
		credentials.push({
			id: stableId('credential:autotaskPsaApi'),
			name: 'Autotask PSA (sandbox)',
			type: 'autotaskPsaApi',
			data: {
				userName: at.userName,
				secret: at.secret,
				integrationCode: at.integrationCode,
				zoneUrl: '',
				discoveryUrl: at.discoveryUrl,
				impersonationResourceId: '',
				requestsPerHour: 10000,
			},
		});
	}
	const intacct = sandbox.systems.intacct?.credentials;
	if (intacct) {
		credentials.push({
			id: stableId('credential:sageIntacctApi'),
			name: 'Sage Intacct (sandbox)',
			type: 'sageIntacctApi',
			data: {
				endpointUrl: intacct.endpointUrl,
				senderId: intacct.senderId,
				senderPassword: intacct.senderPassword,
				companyId: intacct.companyId,
				entityId: intacct.entityId,
				userId: intacct.userId,
				userPassword: intacct.userPassword,
				maxConcurrent: 2,
			},
		});
	}
	const shipHero = sandbox.systems.shiphero?.credentials;
	if (shipHero) {
		credentials.push({
			id: stableId('credential:shipHeroApi'),
			name: 'ShipHero (sandbox)',
			type: 'shipHeroApi',
			data: { refreshToken: shipHero.refreshToken, baseUrl: shipHero.baseUrl, customerAccountId: '' },
		});
	}
	const stripe = sandbox.systems.stripe?.credentials;
	if (stripe) {
		credentials.push({
			id: stableId('credential:stripeBillingApi'),
			name: 'Stripe Billing (sandbox)',
			type: 'stripeBillingApi',
			data: {
				secretKey: stripe.secretKey,
				apiVersion: stripe.apiVersion,
				baseUrl: stripe.baseUrl,
				stripeAccount: '',
				maxConcurrent: 10,
				requestsPerSecond: 20,
			},
		});
	}
	const ns = sandbox.systems.netsuite?.credentials;
	if (ns) {
		const common = { accountId: ns.accountId, baseUrl: ns.baseUrl, restletBaseUrl: '', maxConcurrent: 5 };
		credentials.push(
			{
				id: stableId('credential:netSuiteTbaApi'),
				name: 'NetSuite TBA (sandbox)',
				type: 'netSuiteTbaApi',
				data: { ...common, consumerKey: ns.consumerKey, consumerSecret: ns.consumerSecret, tokenId: ns.tokenId, tokenSecret: ns.tokenSecret },
			},
			{
				id: stableId('credential:netSuiteM2mApi'),
				name: 'NetSuite M2M (sandbox)',
				type: 'netSuiteM2mApi',
				data: {
					...common,
					clientId: ns.clientId,
					certificateId: ns.certificateId,
					privateKey: ns.privateKey,
					algorithm: ns.algorithm,
					scopes: ['rest_webservices', 'restlets'],
				},
			},
		);
	}
	const halo = sandbox.systems.halopsa?.credentials;
	if (halo) {
		credentials.push({
			id: stableId('credential:haloPsaOAuth2Api'),
			name: 'HaloPSA (sandbox)',
			type: 'haloPsaOAuth2Api',
			data: {
				grantType: 'clientCredentials',
				authServerUrl: halo.authServerUrl,
				resourceServerUrl: halo.resourceServerUrl,
				tenant: halo.tenant,
				clientId: halo.clientId,
				clientSecret: halo.clientSecret,
				scope: halo.scope,
				authentication: 'body',
				maxConcurrent: 4,
			},
		});
	}
	const extensiv = sandbox.systems.extensiv?.credentials;
	if (extensiv) {
		credentials.push({
			id: stableId('credential:extensivApi'),
			name: 'Extensiv 3PL Warehouse Manager (sandbox)',
			type: 'extensivApi',
			data: {
				baseUrl: extensiv.baseUrl,
				clientId: extensiv.clientId,
				clientSecret: extensiv.clientSecret,
				userBy: 'id',
				userLogin: extensiv.userLoginId,
				tpl: '',
				accessToken: '',
			},
		});
	}
	const chargebee = sandbox.systems.chargebee?.credentials;
	if (chargebee) {
		credentials.push({
			id: stableId('credential:chargebeeBillingApi'),
			name: 'Chargebee Billing (sandbox)',
			type: 'chargebeeBillingApi',
			data: { site: chargebee.site, apiKey: chargebee.apiKey, baseUrl: chargebee.baseUrl },
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
	const partner = sandbox.systems.tradingpartner?.credentials;
	if (partner) {
		// The demo retailer's inbox and shared secret; its envelope ids are the X12 Trading Partner credential of demoCredentials.
		credentials.push({
			id: stableId('credential:x12HttpApi'),
			name: 'X12 over HTTPS (sandbox retailer)',
			type: 'x12HttpApi',
			data: {
				partnerUrl: partner.partnerUrl,
				sharedSecret: partner.sharedSecret,
				signatureHeader: partner.signatureHeader,
				toleranceSeconds: Number(partner.toleranceSeconds),
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
