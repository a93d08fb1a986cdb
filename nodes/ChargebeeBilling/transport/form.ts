import type { IDataObject } from 'n8n-workflow';

/**
 * Chargebee's request bodies are form-encoded with bracket notation, one level deep:
 * `first_name=Ann`, `billing_address[city]=Reno`, arrays of objects as
 * `subscription_items[item_price_id][0]=basic&subscription_items[quantity][0]=2`, lists of
 * values as `enabled_events[0]=customer_created`. Undefined and null values are left out.
 */
export function chargebeeForm(body: IDataObject): string {
	const params = new URLSearchParams();
	const scalar = (value: unknown): string | undefined => {
		if (value === undefined || value === null) return undefined;
		if (typeof value === 'object') return JSON.stringify(value);
		return String(value);
	};
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			value.forEach((entry, index) => {
				if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
					for (const [field, fieldValue] of Object.entries(entry as IDataObject)) {
						const text = scalar(fieldValue);
						if (text !== undefined) params.append(`${key}[${field}][${index}]`, text);
					}
				} else {
					const text = scalar(entry);
					if (text !== undefined) params.append(`${key}[${index}]`, text);
				}
			});
		} else if (typeof value === 'object') {
			for (const [field, fieldValue] of Object.entries(value as IDataObject)) {
				const text = scalar(fieldValue);
				if (text !== undefined) params.append(`${key}[${field}]`, text);
			}
		} else {
			params.append(key, String(value));
		}
	}
	return params.toString();
}
