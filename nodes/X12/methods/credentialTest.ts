import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { partnerProfile } from '../core';

/** The X12 Trading Partner credential calls no service: its test checks the settings as Generate will use them. */
export async function x12TradingPartnerTest(
	this: ICredentialTestFunctions | void,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const profile = partnerProfile((credential.data ?? {}) as Record<string, unknown>);
		return {
			status: 'OK',
			message: `Valid: ${profile.sender.qualifier}:${profile.sender.id} → ${profile.receiver.qualifier}:${profile.receiver.id}, version ${profile.version}`,
		};
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
