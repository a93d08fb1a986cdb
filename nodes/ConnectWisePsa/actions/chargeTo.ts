import type { IDataObject } from 'n8n-workflow';

/** A charge-to type means nothing without its id: the entry then goes to the company. */
export function dropUnusedChargeToType(body: IDataObject): IDataObject {
	if (body.chargeToId !== undefined) return body;
	const rest = { ...body };
	delete rest.chargeToType;
	return rest;
}
