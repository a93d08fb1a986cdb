import { actionOperation } from '../operations';
import { invoice } from '../definitions';

/** Draft → open: the invoice gets its number and can be sent or paid. */
const operation = actionOperation(invoice, 'finalize', 'finalize', [
	{ displayName: 'Auto Advance', name: 'autoAdvance', type: 'boolean', default: false, description: 'Whether Stripe then collects the invoice automatically' },
], (ctx, itemIndex) => ({ auto_advance: ctx.getNodeParameter('autoAdvance', itemIndex, false) as boolean }));

export const description = operation.description;
export const execute = operation.execute;
