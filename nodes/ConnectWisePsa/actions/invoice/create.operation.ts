import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toNodeOperationError } from '../../../common/errors';
import { buildPatch, otherFieldsSpec } from '../../helpers/fields';
import { conditionString } from '../../helpers/values';
import { connectWiseApi, connectWiseList } from '../../transport';
import { buildContext, createBody, createProperties, operationDescription } from '../operations';
import { invoice } from './definition';

/*
 * ConnectWise has no idempotency keys. An invoice made from another system carries that system's
 * document number in Reference; looking it up first makes a repeated create return or update the
 * invoice it already made. References are not unique in ConnectWise, so two runs creating the same
 * reference at the same moment can still both create: the lookup guards against repeats, not races.
 */

const ifReferenceExists: INodeProperties = {
	displayName: 'If Reference Exists',
	name: 'ifReferenceExists',
	type: 'options',
	default: 'create',
	description: 'What to do when an invoice with the same Reference (Additional Fields) already exists, e.g. when a run is repeated',
	options: [
		{ name: 'Create Another', value: 'create', description: 'Do not look: always create (ConnectWise’s own behaviour)' },
		{ name: 'Fail', value: 'error', description: 'Stop with a duplicate error' },
		{ name: 'Return Existing', value: 'returnExisting', description: 'Output the existing invoice unchanged' },
		{
			name: 'Update Existing',
			value: 'updateExisting',
			description: 'Update the existing invoice with the fields given here (not its type or company) and output it',
		},
	],
};

const notice: INodeProperties = {
	displayName:
		'ConnectWise has no idempotency keys: running this again (e.g. retrying a failed execution) creates another invoice. Set a Reference and choose what "If Reference Exists" does to make it safe to repeat.',
	name: 'notIdempotentNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { ifReferenceExists: ['create'] } },
};

const [type, company, ...rest] = createProperties(invoice);

export const description = operationDescription(invoice, 'create', [notice, type, company, ifReferenceExists, ...rest]);

async function findByReference(ctx: IExecuteFunctions, reference: string, itemIndex: number): Promise<IDataObject | undefined> {
	const [found] = await connectWiseList(ctx, {
		path: invoice.path as string,
		query: { conditions: `reference=${conditionString(reference)}`, orderBy: 'id asc' },
		returnAll: false,
		limit: 1,
		itemIndex,
	});
	return found;
}

async function onExisting(ctx: IExecuteFunctions, existing: IDataObject, body: IDataObject, mode: string, itemIndex: number): Promise<IDataObject> {
	if (mode === 'returnExisting') return existing;
	if (mode === 'updateExisting') {
		// Type and company say which invoice it is; they stay as they are.
		const fields = { ...body };
		delete fields.type;
		delete fields.company;
		const patch = buildPatch(buildContext(ctx, itemIndex), [otherFieldsSpec], { otherFields: fields });
		if (patch.length === 0) return existing;
		return await connectWiseApi<IDataObject>(ctx, {
			method: 'PATCH',
			path: `${invoice.path as string}/${String(existing.id)}`,
			body: patch,
			idempotent: true,
			itemIndex,
		});
	}
	const error = toNodeOperationError(ctx.getNode(), `An invoice with reference "${String(body.reference)}" already exists (ID ${String(existing.id)})`, {
		itemIndex,
		errorClass: 'duplicate',
		description: 'Set "If Reference Exists" to Return Existing or Update Existing to make this create safe to repeat.',
	});
	error.context.existingId = existing.id as number;
	throw error;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const mode = this.getNodeParameter('ifReferenceExists', itemIndex, 'create') as string;
	const body = createBody(invoice, this, itemIndex);
	const reference = typeof body.reference === 'string' ? body.reference.trim() : '';
	if (mode !== 'create') {
		if (!reference) {
			throw toNodeOperationError(this.getNode(), 'Reference is empty, so an existing invoice cannot be looked up', {
				itemIndex,
				errorClass: 'validation',
				description: 'Add Reference under Additional Fields (e.g. the ERP invoice number), or set "If Reference Exists" to Create Another.',
			});
		}
		const existing = await findByReference(this, reference, itemIndex);
		if (existing) return await onExisting(this, existing, body, mode, itemIndex);
	}
	return await connectWiseApi<IDataObject>(this, { method: 'POST', path: invoice.path as string, body, itemIndex });
}
