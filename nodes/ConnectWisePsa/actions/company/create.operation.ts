import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { errorClassOf, toNodeOperationError } from '../../../common/errors';
import { buildPatch, otherFieldsSpec } from '../../helpers/fields';
import { conditionString } from '../../helpers/values';
import { connectWiseApi, connectWiseList } from '../../transport';
import { buildContext, createBody, createProperties, operationDescription } from '../operations';
import { company } from './definition';

/*
 * ConnectWise has no idempotency keys, but company identifiers are unique: looking the
 * identifier up first makes a replayed create return or update the company it already made
 * instead of failing or duplicating it.
 */

const ifIdentifierExists: INodeProperties = {
	displayName: 'If Identifier Exists',
	name: 'ifIdentifierExists',
	type: 'options',
	default: 'error',
	description: 'What to do when a company with this identifier already exists (e.g. when a run is repeated)',
	options: [
		{ name: 'Fail', value: 'error', description: 'Stop with a duplicate error' },
		{ name: 'Return Existing', value: 'returnExisting', description: 'Output the existing company unchanged' },
		{
			name: 'Update Existing',
			value: 'updateExisting',
			description: 'Update the existing company with the fields given here and output it',
		},
	],
};

export const description = operationDescription(company, 'create', [
	...createProperties(company).slice(0, 2),
	ifIdentifierExists,
	...createProperties(company).slice(2),
]);

async function findByIdentifier(ctx: IExecuteFunctions, identifier: string, itemIndex: number) {
	const [found] = await connectWiseList(ctx, {
		path: company.path as string,
		query: { conditions: `identifier=${conditionString(identifier)}` },
		returnAll: false,
		limit: 1,
		itemIndex,
	});
	return found;
}

async function onExisting(
	ctx: IExecuteFunctions,
	existing: IDataObject,
	body: IDataObject,
	mode: string,
	itemIndex: number,
): Promise<IDataObject> {
	if (mode === 'returnExisting') return existing;
	if (mode === 'updateExisting') {
		// The site belongs to creation only; every other field given is replaced.
		const fields = { ...body };
		delete fields.site;
		const patch = buildPatch(buildContext(ctx, itemIndex), [otherFieldsSpec], { otherFields: fields });
		if (patch.length === 0) return existing;
		return await connectWiseApi<IDataObject>(ctx, {
			method: 'PATCH',
			path: `${company.path as string}/${String(existing.id)}`,
			body: patch,
			idempotent: true,
			itemIndex,
		});
	}
	const error = toNodeOperationError(
		ctx.getNode(),
		`A company with identifier "${String(body.identifier)}" already exists (ID ${String(existing.id)})`,
		{
			itemIndex,
			errorClass: 'duplicate',
			description:
				'Company identifiers are unique in ConnectWise. Set "If Identifier Exists" to Return Existing or Update Existing to make this create safe to repeat.',
		},
	);
	error.context.existingId = existing.id as number;
	throw error;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const mode = this.getNodeParameter('ifIdentifierExists', itemIndex, 'error') as string;
	const body = createBody(company, this, itemIndex);
	if (!body.site) body.site = { name: 'Main' };
	const identifier = String(body.identifier);

	const existing = await findByIdentifier(this, identifier, itemIndex);
	if (existing) return await onExisting(this, existing, body, mode, itemIndex);

	let failure: unknown;
	try {
		return await connectWiseApi<IDataObject>(this, { method: 'POST', path: company.path as string, body, itemIndex });
	} catch (error) {
		failure = error;
	}
	// Another run created it between the lookup and the create: ConnectWise rejects the
	// identifier as a field error. Look again and apply the chosen mode.
	const fieldErrors = ((failure as { context?: IDataObject }).context?.fieldErrors ?? []) as IDataObject[];
	const identifierRejected =
		errorClassOf(failure) === 'validation' &&
		fieldErrors.some((f) => String(f.field ?? '').toLowerCase() === 'identifier');
	const raced = identifierRejected ? await findByIdentifier(this, identifier, itemIndex) : undefined;
	if (!raced) throw failure;
	return await onExisting(this, raced, body, mode, itemIndex);
}
