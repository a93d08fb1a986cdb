import type { INodeProperties } from 'n8n-workflow';

export const mapNameField = (operations: string[]): INodeProperties => ({
	displayName: 'Map Name',
	name: 'mapName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'unit-of-measure',
	description: 'One map per kind of value: unit-of-measure, ship-method, order-status…',
	displayOptions: { show: { resource: ['valueMap'], operation: operations } },
});

export const SYSTEM_HINT = 'System key, e.g. netSuite, shipHero, x12:ACME, or canonical for the canonical value';
