import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { businessCentralList } from '../transport';

/** Companies of the environment, for dropdowns (the trigger's company). */
export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companies = await businessCentralList(this, { path: 'companies', query: { select: 'id,name,displayName' }, returnAll: true });
	return companies
		.map((c: IDataObject) => ({ name: String(c.displayName || c.name), value: String(c.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
