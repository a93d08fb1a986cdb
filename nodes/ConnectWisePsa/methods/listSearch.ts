import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { parseLinkHeader } from '../../common/pagination';
import { andConditions, conditionString } from '../helpers/values';
import { connectWiseRequest } from '../transport';

const PAGE_SIZE = 50;

/** One page of a searchable list; the token is the next page number while ConnectWise reports one. */
async function search(
	ctx: ILoadOptionsFunctions,
	path: string,
	conditions: string | undefined,
	fields: string,
	token: string | undefined,
	label: (record: IDataObject) => string,
): Promise<INodeListSearchResult> {
	const page = token && /^\d+$/.test(token) ? Number(token) : 1;
	const response = await connectWiseRequest<IDataObject[]>(ctx, {
		path,
		qs: { ...(conditions ? { conditions } : {}), fields, orderBy: 'name asc', page, pageSize: PAGE_SIZE },
	});
	const records = Array.isArray(response.body) ? response.body : [];
	return {
		results: records.map((record) => ({ name: label(record), value: String(record.id) })),
		paginationToken: parseLinkHeader(response.headers.link).next ? String(page + 1) : undefined,
	};
}

/** A name/identifier "contains" filter; ConnectWise compares case-insensitively. */
function textFilter(filter: string | undefined, ...fields: string[]): string | undefined {
	const text = filter?.trim();
	if (!text) return undefined;
	return fields.map((field) => `${field} contains ${conditionString(text)}`).join(' or ');
}

export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(
		this,
		'/company/companies',
		andConditions('deletedFlag=false', textFilter(filter, 'name', 'identifier')),
		'id,identifier,name',
		paginationToken,
		(company) => `${String(company.name)} (${String(company.identifier)})`,
	);
}

export async function searchAgreements(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(
		this,
		'/finance/agreements',
		textFilter(filter, 'name', 'company/name'),
		'id,name,company/name',
		paginationToken,
		(agreement) => {
			const company = (agreement.company as IDataObject | undefined)?.name;
			return company ? `${String(agreement.name)} (${String(company)})` : String(agreement.name);
		},
	);
}
