import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { fromStripePayment } from '../../mapping';
import { stripeList } from '../../transport';
import { clean } from '../operations';
import { KINDS, kindProperty, paymentOutput } from './definition';

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['getAll'] } }, [
	kindProperty,
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Customer ID', name: 'customer', type: 'string', default: '', description: 'Charges and payment intents of this customer' },
			{ displayName: 'Invoice ID', name: 'invoice', type: 'string', default: '', description: 'Invoice payments of this invoice (required by Stripe for invoice payments)' },
		],
	},
	paymentOutput,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const kindName = this.getNodeParameter('paymentKind', itemIndex) as string;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = clean(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	const qs = kindName === 'invoicePayment' ? clean({ invoice: filters.invoice }) : clean({ customer: filters.customer });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const expand = String(options.expand ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((e) => (e.startsWith('data.') ? e : `data.${e}`));
	const records = await stripeList(this, { path: KINDS[kindName].path, qs: { ...qs, expand: expand.length ? expand : undefined }, returnAll, limit, itemIndex });
	return options.output === 'canonical' ? records.map((r) => fromStripePayment(r) as unknown as IDataObject) : records;
}
