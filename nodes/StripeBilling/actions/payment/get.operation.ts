import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fromStripePayment } from '../../mapping';
import { stripeApi } from '../../transport';
import { KINDS, kindProperty, paymentOutput } from './definition';

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['get'] } }, [
	kindProperty,
	{ displayName: 'Payment ID', name: 'paymentId', type: 'string', default: '', required: true, placeholder: 'pi_…, ch_… or inpay_…' },
	paymentOutput,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const kind = KINDS[this.getNodeParameter('paymentKind', itemIndex) as string];
	const id = String(this.getNodeParameter('paymentId', itemIndex, '')).trim();
	if (!/^[A-Za-z0-9_]+$/.test(id)) throw new NodeOperationError(this.getNode(), `"${id}" is not a Stripe payment ID`, { itemIndex });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const expand = String(options.expand ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	const record = await stripeApi<IDataObject>(this, { path: `${kind.path}/${id}`, qs: { expand: expand.length ? expand : undefined }, itemIndex });
	return options.output === 'canonical' ? (fromStripePayment(record) as unknown as IDataObject) : record;
}
