import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { extensivList } from '../transport';

const PAGE = 50;

/** RQL wildcard search on a text field; quotes keep spaces and separators literal. */
const contains = (field: string, filter?: string): string | undefined =>
	filter?.trim() ? `${field}=="*${filter.trim().replace(/["*]/g, '')}*"` : undefined;

/** Orders for the Order locator, newest first, searched by reference number. */
export async function searchOrders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const rql = contains('referenceNum', filter);
	const orders = await extensivList(this, { path: '/orders', qs: { sort: '-readOnly.orderId', ...(rql ? { rql } : {}) }, returnAll: false, limit: PAGE });
	return {
		results: orders.map((order) => {
			const readOnly = (order.readOnly ?? {}) as IDataObject;
			const customer = ((order.customerIdentifier ?? {}) as IDataObject).name;
			return {
				name: `${String(order.referenceNum ?? readOnly.orderId)}${customer ? ` (${String(customer)})` : ''}`,
				value: String(readOnly.orderId),
			};
		}),
	};
}

/** Receivers for the Receiver locator, searched by reference number. */
export async function searchReceivers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const rql = contains('referenceNum', filter);
	const receivers = await extensivList(this, { path: '/inventory/receivers', qs: { sort: '-readOnly.receiverId', ...(rql ? { rql } : {}) }, returnAll: false, limit: PAGE });
	return {
		results: receivers.map((receiver) => ({
			name: String(receiver.referenceNum ?? ((receiver.readOnly ?? {}) as IDataObject).receiverId),
			value: String(((receiver.readOnly ?? {}) as IDataObject).receiverId),
		})),
	};
}

/** The 3PL's customers (goods owners) for the Customer ID dropdowns. */
export async function getCustomers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const customers = await extensivList(this, { path: '/customers', returnAll: true });
	return customers
		.map((customer) => {
			const id = customer.customerId ?? ((customer.readOnly ?? {}) as IDataObject).customerId;
			const name = ((customer.companyInfo ?? {}) as IDataObject).companyName ?? customer.name ?? id;
			return { name: `${String(name)} (${String(id)})`, value: Number(id) };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
