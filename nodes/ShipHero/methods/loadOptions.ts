import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { shipHeroGraphql } from '../transport';

/** The account's warehouses (value: the warehouse UUID). */
export async function getWarehouses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const data = await shipHeroGraphql<{ account?: { data?: { warehouses?: IDataObject[] } } }>(this, {
		query: 'query ShipHero_warehouses { account { request_id complexity data { warehouses { id legacy_id identifier } } } }',
	});
	return (data.account?.data?.warehouses ?? [])
		.map((w) => ({ name: `${String(w.identifier)} (${String(w.legacy_id)})`, value: String(w.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
