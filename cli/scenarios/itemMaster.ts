/**
 * Scenario set-up for the order and inventory templates: the distributor's item master in the ERP.
 * The templates find an ERP item by its name/number = the SKU the WMS and the trading partners use
 * (the usual convention). The sandbox's NetSuite and ShipHero are seeded independently, so this
 * upserts a NetSuite inventory item for every ShipHero SKU over the REST API, signed like any client
 * (token-based auth), as an item-master sync would.
 */
import { oauth1Header, requestParameters } from '../../nodes/common/auth/oauth1';
import { accountRealm } from '../../nodes/NetSuite/transport/urls';
import type { RunningSandbox } from '../../sandbox';

interface ShipHeroProduct {
	sku: string;
	name: string;
}

interface WarehouseProduct {
	sku: string;
	price: string;
	value: string;
}

/** Upserts one NetSuite inventory item per SKU (External ID and Item Name/Number = SKU); returns sku → internal id. */
export async function syncItemMaster(sandbox: RunningSandbox, skus?: string[]): Promise<Map<string, string>> {
	const ns = sandbox.systems.netsuite?.credentials;
	if (!ns || !sandbox.systems.shiphero) throw new Error('syncItemMaster needs the netsuite and shiphero sandbox systems');
	const prices = new Map(sandbox.records<WarehouseProduct>('shiphero', 'warehouse_products').map((wp) => [wp.sku, wp]));
	const products = sandbox.records<ShipHeroProduct>('shiphero', 'products').filter((p) => !skus || skus.includes(p.sku));
	const ids = new Map<string, string>();
	for (const product of products) {
		const url = `${ns.baseUrl}/services/rest/record/v1/inventoryItem/eid:${encodeURIComponent(product.sku)}`;
		const price = prices.get(product.sku);
		const authorization = oauth1Header('PUT', url, requestParameters(url), {
			consumerKey: ns.consumerKey,
			consumerSecret: ns.consumerSecret,
			token: ns.tokenId,
			tokenSecret: ns.tokenSecret,
			realm: accountRealm(ns.accountId),
		});
		const response = await fetch(url, {
			method: 'PUT',
			headers: { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({
				itemId: product.sku,
				displayName: product.name,
				salesPrice: Number(price?.price ?? 0),
				cost: Number(price?.value ?? 0),
			}),
		});
		if (response.status !== 204) throw new Error(`NetSuite refused item ${product.sku}: HTTP ${response.status} ${await response.text()}`);
		const location = response.headers.get('location') ?? '';
		ids.set(product.sku, location.slice(location.lastIndexOf('/') + 1));
	}
	return ids;
}
