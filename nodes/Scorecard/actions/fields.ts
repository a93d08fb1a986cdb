import type { INodeProperties } from 'n8n-workflow';

export const DOC_URL = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/scorecard.md';

export const scorecardField: INodeProperties = {
	displayName: 'Scorecard Name',
	name: 'scorecard',
	type: 'string',
	required: true,
	default: 'partner-scorecard',
	description: 'Name under which each run records its results, so the next period compares with this one. Use one name per scorecard.',
};

const EXAMPLE_KPIS = `[
  {
    "id": "renewal_rate",
    "name": "Renewal rate",
    "domain": "Customer outcomes",
    "formula": "sum(renewals_won) / sum(renewals_due) * 100",
    "unit": "%",
    "target": 90,
    "direction": "up",
    "amber": 85,
    "red": 75,
    "decimals": 1
  }
]`;

export const kpiFields: INodeProperties[] = [
	{
		displayName: 'KPI Source',
		name: 'kpiSource',
		type: 'options',
		default: 'default',
		options: [
			{ name: 'Default Partner Scorecard', value: 'default', description: 'The 17 shipped KPIs (revenue quality, delivery, outcomes, adoption, governance)' },
			{ name: 'Default With Changes', value: 'defaultWithOverrides', description: 'The shipped KPIs; entries below replace fields of the KPI with the same ID, new IDs are added' },
			{ name: 'Custom', value: 'custom', description: 'Only the KPIs defined below' },
		],
		displayOptions: { show: { operation: ['compute'] } },
	},
	{
		displayName: 'KPI Definitions',
		name: 'kpis',
		type: 'json',
		default: EXAMPLE_KPIS,
		typeOptions: { rows: 12 },
		hint: `A JSON list of KPIs, or an expression returning rows (e.g. from a spreadsheet). Fields and formula language: ${DOC_URL}`,
		displayOptions: { show: { operation: ['compute'], kpiSource: ['custom'] } },
	},
	{
		displayName: 'KPI Changes',
		name: 'kpiOverrides',
		type: 'json',
		default: '[\n  { "id": "utilization", "target": 80, "amber": 70 }\n]',
		typeOptions: { rows: 6 },
		hint: `Entries with an ID of the default set change that KPI; other IDs are added. ${DOC_URL}`,
		displayOptions: { show: { operation: ['compute'], kpiSource: ['defaultWithOverrides'] } },
	},
];

export const dataFields: INodeProperties[] = [
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'string',
		default: 'partner',
		placeholder: 'partner',
		description:
			'Field(s) of the metric rows that form the groups, comma-separated (e.g. customer, or partner, plant). KPIs with their own groupBy use theirs. Empty: one group.',
		displayOptions: { show: { operation: ['compute'] } },
	},
	{
		displayName: 'Period Field',
		name: 'periodField',
		type: 'string',
		default: 'period',
		description: 'Field of the metric rows with the period, e.g. 2026-10 or 2026-Q3. Periods are ordered as text, so write them zero-padded (2026-09, not 2026-9).',
		displayOptions: { show: { operation: ['compute'] } },
	},
	{
		displayName: 'Period',
		name: 'period',
		type: 'string',
		default: '',
		placeholder: '2026-10',
		description: 'The period to report. Empty: the latest period in the input. Rows of earlier periods serve as the previous period and the trend; later ones are ignored.',
		displayOptions: { show: { operation: ['compute'] } },
	},
];
