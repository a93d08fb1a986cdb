import type { ResourceDefinition } from '../operations';
import { companyLocator, recordLocator } from '../common.descriptions';

const communicationItem = (type: 'Email' | 'Direct') => (value: unknown) => [
	{ type: { name: type }, value, defaultFlag: true, communicationType: type === 'Email' ? 'Email' : 'Phone' },
];

export const contact: ResourceDefinition = {
	resource: 'contact',
	noun: 'contact',
	path: '/company/contacts',
	id: recordLocator({ name: 'contactId', displayName: 'Contact', noun: 'contact' }),
	fields: [
		{ name: 'firstName', displayName: 'First Name', path: 'firstName', kind: 'string', required: true },
		{ name: 'lastName', displayName: 'Last Name', path: 'lastName', kind: 'string', primary: true },
		{
			name: 'companyId',
			displayName: 'Company',
			path: 'company',
			kind: 'ref',
			primary: true,
			asParameter: { ...companyLocator(), required: false },
		},
		{
			name: 'email',
			displayName: 'Email',
			path: 'communicationItems',
			kind: 'string',
			placeholder: 'name@email.com',
			description: 'Default email address; on update it replaces the contact’s communication items',
			toValue: communicationItem('Email'),
		},
		{
			name: 'phone',
			displayName: 'Phone',
			path: 'communicationItems',
			kind: 'string',
			description: 'Default direct phone number; on update it replaces the contact’s communication items',
			toValue: communicationItem('Direct'),
		},
		{ name: 'title', displayName: 'Title', path: 'title', kind: 'string' },
		{ name: 'siteId', displayName: 'Site ID', path: 'site', kind: 'ref' },
		{ name: 'typeIds', displayName: 'Type IDs', path: 'types', kind: 'refList', description: 'Comma-separated contact type IDs' },
		{ name: 'addressLine1', displayName: 'Address Line 1', path: 'addressLine1', kind: 'string' },
		{ name: 'addressLine2', displayName: 'Address Line 2', path: 'addressLine2', kind: 'string' },
		{ name: 'city', displayName: 'City', path: 'city', kind: 'string' },
		{ name: 'state', displayName: 'State', path: 'state', kind: 'string' },
		{ name: 'zip', displayName: 'Zip', path: 'zip', kind: 'string' },
		{ name: 'inactiveFlag', displayName: 'Inactive', path: 'inactiveFlag', kind: 'boolean', description: 'Whether the contact is inactive' },
		{
			name: 'defaultFlag',
			displayName: 'Default Contact',
			path: 'defaultFlag',
			kind: 'boolean',
			description: 'Whether this is the company’s default contact',
		},
	],
};
