import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { ShipHeroApi } from '../../credentials/ShipHeroApi.credentials';
import { ShipHero } from '../../nodes/ShipHero/ShipHero.node';
import { nodeKit } from '../helpers/nodeKit';

export const BASE = 'https://shiphero.example.test';

let accounts = 0;

/** A credential of its own per call (own refresh token), so each test gets its own credit bucket. */
export function credentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	accounts++;
	return { refreshToken: `refresh-${accounts}-Secret`, baseUrl: BASE, customerAccountId: '', accessToken: `access-${accounts}`, ...overrides };
}

export const node = new ShipHero();
export const credentialType = new ShipHeroApi();

export const { executeContext, run, loadOptionsContext } = nodeKit({ node, credentialType, credentials, nodeName: 'ShipHero' });

export const api = () => nock(BASE);

/** The GraphQL body a request sent. */
export interface SentGraphql {
	query: string;
	variables?: IDataObject;
}

/** A connection page as ShipHero answers it. */
export function page(root: string, nodes: IDataObject[], endCursor: string | null, complexity = nodes.length + 2): IDataObject {
	return {
		data: {
			[root]: {
				request_id: 'r1',
				complexity,
				data: { pageInfo: { hasNextPage: endCursor !== null, endCursor }, edges: nodes.map((node) => ({ node, cursor: 'c' })) },
			},
		},
	};
}

export const orders = (from: number, to: number): IDataObject[] =>
	Array.from({ length: to - from + 1 }, (_, i) => ({ id: `O${from + i}`, order_number: `#${from + i}`, line_items: { edges: [] } }));
