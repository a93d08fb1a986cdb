import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { shipHeroGraphql } from '../transport';

/** Recent orders, or the order with the typed number; paged with ShipHero's cursor. */
export async function searchOrders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const number = filter?.trim();
	const query = `query ShipHero_searchOrders($first: Int!, $after: String${number ? ', $order_number: String' : ''}) { orders${number ? '(order_number: $order_number)' : ''} { request_id complexity data(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id legacy_id order_number shop_name fulfillment_status } } } } }`;
	const data = await shipHeroGraphql<{ orders?: { data?: { pageInfo?: IDataObject; edges?: Array<{ node: IDataObject }> } } }>(this, {
		query,
		variables: { first: 50, ...(paginationToken ? { after: paginationToken } : {}), ...(number ? { order_number: number.startsWith('#') ? number : `#${number}` } : {}) },
	});
	const connection = data.orders?.data;
	return {
		results: (connection?.edges ?? []).map(({ node }) => ({
			name: `${String(node.order_number)} · ${String(node.shop_name)} · ${String(node.fulfillment_status)}`,
			value: String(node.id),
			url: `https://app.shiphero.com/dashboard/orders/details/${String(node.legacy_id)}`,
		})),
		paginationToken: connection?.pageInfo?.hasNextPage ? String(connection.pageInfo.endCursor) : undefined,
	};
}
