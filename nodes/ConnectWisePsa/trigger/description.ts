import type { INodeProperties } from 'n8n-workflow';

/** Callback object types ConnectWise can report, with the API path of the record (for "Fetch Full Record"). */
export const CALLBACK_TYPES: Array<{ name: string; value: string; path: string }> = [
	{ name: 'Activity', value: 'activity', path: '/sales/activities' },
	{ name: 'Agreement', value: 'agreement', path: '/finance/agreements' },
	{ name: 'Company', value: 'company', path: '/company/companies' },
	{ name: 'Configuration', value: 'configuration', path: '/company/configurations' },
	{ name: 'Contact', value: 'contact', path: '/company/contacts' },
	{ name: 'Expense Entry', value: 'expense', path: '/expense/entries' },
	{ name: 'Invoice', value: 'invoice', path: '/finance/invoices' },
	{ name: 'Member', value: 'member', path: '/system/members' },
	{ name: 'Opportunity', value: 'opportunity', path: '/sales/opportunities' },
	{ name: 'Product', value: 'product', path: '/procurement/products' },
	{ name: 'Project', value: 'project', path: '/project/projects' },
	{ name: 'Purchase Order', value: 'purchaseOrder', path: '/procurement/purchaseorders' },
	{ name: 'Sales Order', value: 'salesOrder', path: '/sales/orders' },
	{ name: 'Schedule Entry', value: 'schedule', path: '/schedule/entries' },
	{ name: 'Service Ticket', value: 'ticket', path: '/service/tickets' },
	{ name: 'Time Entry', value: 'time', path: '/time/entries' },
];

export function recordPathOf(type: string): string | undefined {
	return CALLBACK_TYPES.find((t) => t.value.toLowerCase() === type.toLowerCase())?.path;
}

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'On activation the node registers a callback in ConnectWise PSA (System > Callbacks) and removes it on deactivation. The API member needs the System > Table Setup (callbacks) permission.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Object Type',
		name: 'type',
		type: 'options',
		options: CALLBACK_TYPES.map(({ name, value }) => ({ name, value })),
		default: 'ticket',
		required: true,
		description: 'The kind of record whose changes start the workflow',
	},
	{
		displayName: 'Level',
		name: 'level',
		type: 'options',
		options: [
			{ name: 'All Records (Owner)', value: 'owner', description: 'Every record of the type' },
			{ name: 'Board', value: 'board', description: 'Records on one service or project board' },
			{ name: 'Company', value: 'company', description: 'Records of one company' },
			{ name: 'One Record', value: 'record', description: 'Only the record with the given ID' },
			{ name: 'Status', value: 'status', description: 'Records in one status' },
			{ name: 'Territory', value: 'territory', description: 'Records of one territory' },
			{ name: 'Type', value: 'type', description: 'Records of one type' },
		],
		default: 'owner',
		description: 'Which records of the type are reported, as ConnectWise callback levels define it',
	},
	{
		displayName: 'Object ID',
		name: 'objectId',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		required: true,
		displayOptions: { hide: { level: ['owner'] } },
		description: 'The ID of the board, company, status, territory, type or record the level names',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Actions',
				name: 'actions',
				type: 'multiOptions',
				options: [
					{ name: 'Added', value: 'added' },
					{ name: 'Deleted', value: 'deleted' },
					{ name: 'Updated', value: 'updated' },
				],
				default: [],
				description: 'Only start the workflow for these actions; none selected means all',
			},
			{
				displayName: 'Fetch Full Record',
				name: 'fetchRecord',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the current record from ConnectWise and add it as "record" (not for deletions). Callback entities can be partial.',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Description of the callback in ConnectWise (max 100 characters); defaults to the workflow name',
			},
		],
	},
];
