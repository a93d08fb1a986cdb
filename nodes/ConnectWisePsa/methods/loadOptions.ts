import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { recordId } from '../helpers/values';
import { connectWiseList } from '../transport';
import type { ListQuery } from '../transport';

async function options(
	ctx: ILoadOptionsFunctions,
	path: string,
	query: ListQuery,
	label: (record: IDataObject) => string,
	keep: (record: IDataObject) => boolean = () => true,
): Promise<INodePropertyOptions[]> {
	const records = await connectWiseList(ctx, { path, query, returnAll: true });
	return records
		.filter(keep)
		.map((record) => ({ name: label(record), value: Number(record.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

const byName = (record: IDataObject) => String(record.name ?? record.id);

export async function getBoards(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/service/boards', { conditions: 'inactiveFlag=false', fields: 'id,name' }, byName);
}

export async function getProjectBoards(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(
		this,
		'/service/boards',
		{ conditions: 'inactiveFlag=false and projectFlag=true', fields: 'id,name' },
		byName,
	);
}

/** The board chosen in the same form: the top-level parameter on create, Update Fields on update. */
function chosenBoard(ctx: ILoadOptionsFunctions): unknown {
	const direct = ctx.getCurrentNodeParameter('boardId');
	if (direct !== undefined && direct !== '') return direct;
	const updateFields = ctx.getCurrentNodeParameter('updateFields') as IDataObject | undefined;
	return updateFields?.boardId;
}

export async function getBoardStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const board = chosenBoard(this);
	if (board === undefined || board === '') {
		throw new NodeOperationError(this.getNode(), 'Choose a board first: ticket statuses belong to a board');
	}
	const boardId = recordId(this.getNode(), board, 'Board', 0);
	const records = await connectWiseList(this, {
		path: `/service/boards/${boardId}/statuses`,
		query: { fields: 'id,name,inactive,sortOrder' },
		returnAll: true,
	});
	// Statuses are listed in the board's workflow order, inactive ones left out.
	return records
		.filter((status) => status.inactive !== true)
		.sort((a, b) => Number(a.sortOrder ?? 0) - Number(b.sortOrder ?? 0))
		.map((status) => ({ name: String(status.name ?? status.id), value: Number(status.id) }));
}

export async function getPriorities(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/service/priorities', { fields: 'id,name' }, byName);
}

export async function getMembers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(
		this,
		'/system/members',
		{ conditions: 'inactiveFlag=false', fields: 'id,identifier,firstName,lastName' },
		(member) => {
			const name = [member.firstName, member.lastName].filter(Boolean).join(' ');
			return name ? `${name} (${String(member.identifier)})` : String(member.identifier ?? member.id);
		},
	);
}

export async function getExpenseTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/expense/types', { conditions: 'inactiveFlag=false', fields: 'id,name' }, byName);
}

export async function getAgreementTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/finance/agreements/types', { fields: 'id,name,inactiveFlag' }, byName, (type) => type.inactiveFlag !== true);
}
