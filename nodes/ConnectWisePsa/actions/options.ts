import type { INodePropertyOptions } from 'n8n-workflow';
import type { FieldSpec } from '../helpers/fields';

/** Option lists of ConnectWise enumerations, sorted by name as n8n shows them. */
const list = (...pairs: Array<[string, string]>): INodePropertyOptions[] =>
	pairs.map(([name, value]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name));

export const billableOptions = list(
	['Billable', 'Billable'],
	['Do Not Bill', 'DoNotBill'],
	['No Charge', 'NoCharge'],
	['No Default', 'NoDefault'],
);

export const billCustomerOptions = list(['Billable', 'Billable'], ['Do Not Bill', 'DoNotBill'], ['No Charge', 'NoCharge']);

export const chargeToTypeOptions = list(
	['Activity', 'Activity'],
	['Charge Code', 'ChargeCode'],
	['Project Ticket', 'ProjectTicket'],
	['Service Ticket', 'ServiceTicket'],
);

export const lowMediumHigh = list(['High', 'High'], ['Low', 'Low'], ['Medium', 'Medium']);

/** How time, expenses and products are billed: the same three fields on agreements and projects. */
export const billingFlagFields: FieldSpec[] = (['Time', 'Expenses', 'Products'] as const).map((what) => ({
	name: `bill${what}`,
	displayName: `Bill ${what}`,
	path: `bill${what}`,
	kind: 'options',
	options: billableOptions,
	default: 'Billable',
}));
