import { fromConnectWiseCompany } from '../../mapping';
import type { ResourceDefinition } from '../operations';
import { companyLocator } from '../common.descriptions';

export const company: ResourceDefinition = {
	resource: 'company',
	noun: 'company',
	path: '/company/companies',
	id: companyLocator(),
	canonical: { type: 'Customer', map: (record) => fromConnectWiseCompany(record) },
	fields: [
		{
			name: 'identifier',
			displayName: 'Identifier',
			path: 'identifier',
			kind: 'string',
			required: true,
			description: 'The company’s unique short name in ConnectWise (up to 25 characters)',
		},
		{ name: 'name', displayName: 'Name', path: 'name', kind: 'string', required: true },
		{
			name: 'siteName',
			displayName: 'Site Name',
			path: 'site',
			kind: 'string',
			createOnly: true,
			default: 'Main',
			description: 'Name of the company’s first site, which ConnectWise creates with the company (Main if not set)',
			toValue: (name) => ({ name }),
		},
		{ name: 'statusId', displayName: 'Status ID', path: 'status', kind: 'ref' },
		{
			name: 'typeIds',
			displayName: 'Type IDs',
			path: 'types',
			kind: 'refList',
			description: 'Comma-separated company type IDs (e.g. Client, Vendor)',
		},
		{ name: 'addressLine1', displayName: 'Address Line 1', path: 'addressLine1', kind: 'string' },
		{ name: 'addressLine2', displayName: 'Address Line 2', path: 'addressLine2', kind: 'string' },
		{ name: 'city', displayName: 'City', path: 'city', kind: 'string' },
		{ name: 'state', displayName: 'State', path: 'state', kind: 'string' },
		{ name: 'zip', displayName: 'Zip', path: 'zip', kind: 'string' },
		{ name: 'countryId', displayName: 'Country ID', path: 'country', kind: 'ref' },
		{ name: 'phoneNumber', displayName: 'Phone Number', path: 'phoneNumber', kind: 'string' },
		{ name: 'faxNumber', displayName: 'Fax Number', path: 'faxNumber', kind: 'string' },
		{ name: 'website', displayName: 'Website', path: 'website', kind: 'string' },
		{ name: 'accountNumber', displayName: 'Account Number', path: 'accountNumber', kind: 'string' },
		{ name: 'taxIdentifier', displayName: 'Tax Identifier', path: 'taxIdentifier', kind: 'string' },
		{ name: 'territoryId', displayName: 'Territory ID', path: 'territory', kind: 'ref' },
		{ name: 'parentCompanyId', displayName: 'Parent Company ID', path: 'parentCompany', kind: 'ref' },
		{ name: 'leadFlag', displayName: 'Lead', path: 'leadFlag', kind: 'boolean', description: 'Whether the company is a lead' },
	],
};
