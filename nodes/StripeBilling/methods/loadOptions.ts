import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { stripeList } from '../transport';

/** The event names of the account's active billing meters. */
export async function getMeterEventNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const meters = await stripeList(this, { path: '/v1/billing/meters', qs: { status: 'active' }, returnAll: true });
	return meters
		.map((m: IDataObject) => ({ name: `${String(m.display_name)} (${String(m.event_name)})`, value: String(m.event_name) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
