import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { canonicalJson } from '../../common/canonicalJson';
import { parseConfig, type RawConfig } from '../core/config';
import { calculateRebates } from '../core/engine';
import { RebateLineError } from '../core/errors';
import { invalidLine } from '../core/exceptions';
import { linesOfItem } from '../core/lines';
import type { Accrual, PeriodKind, RebateException, RebateLine } from '../core/types';
import { DOCS_URL, ledgerFor, toNodeError } from './common';

const show = { show: { operation: ['calculate'] } };

const EXAMPLE_PROGRAMS = [
	{
		id: 'VOL-2025',
		name: 'Networking volume rebate',
		currency: 'USD',
		measure: 'amount',
		method: 'retroactive',
		tiers: [
			{ from: '10000', rate: '2' },
			{ from: '25000', rate: '3' },
		],
		categories: ['networking'],
		certification: ['gold', 'platinum'],
		cap: '5000',
		maxCombinedPercent: '25',
	},
];

export const description: INodeProperties[] = [
	{
		displayName: 'Programs',
		name: 'programs',
		type: 'json',
		required: true,
		default: JSON.stringify(EXAMPLE_PROGRAMS, null, 2),
		description:
			'The rebate programs: an array of programs (with a tiers array) or of table rows (one row per tier). Their order is the priority for programs that do not stack.',
		hint: `Fields and examples: ${DOCS_URL}. From a sheet or Set node: {{ $('Programs').all().map(i => i.json) }}`,
		displayOptions: show,
	},
	{
		displayName: 'Certifications',
		name: 'certifications',
		type: 'json',
		default: '[]',
		description: 'Partner certification levels with their validity: [{ "partner": "P-100", "level": "gold", "validFrom": "2025-01-01", "validTo": "2025-12-31" }]',
		displayOptions: show,
	},
	{
		displayName: 'Prior Period Figures',
		name: 'baselines',
		type: 'json',
		default: '[]',
		description:
			'For growth programs: each partner\'s amount (or quantity) in the prior period: [{ "partner": "P-100", "period": "2024-Q1", "amount": "80000" }]',
		displayOptions: show,
	},
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		default: 'quarter',
		options: [
			{ name: 'Month (From Line Dates)', value: 'month' },
			{ name: 'Quarter (From Line Dates)', value: 'quarter' },
			{ name: 'Year (From Line Dates)', value: 'year' },
			{ name: 'Fixed Period', value: 'fixed', description: 'One period for every program; lines outside it are ignored' },
		],
		description: 'How lines are grouped into periods. A program\'s own "period" field overrides month/quarter/year.',
		displayOptions: show,
	},
	{
		displayName: 'Period Start',
		name: 'periodStart',
		type: 'string',
		default: '',
		placeholder: '2025-01-01',
		description: 'First day of the fixed period (inclusive, YYYY-MM-DD)',
		displayOptions: { show: { operation: ['calculate'], period: ['fixed'] } },
	},
	{
		displayName: 'Period End',
		name: 'periodEnd',
		type: 'string',
		default: '',
		placeholder: '2025-03-31',
		description: 'Last day of the fixed period (inclusive, YYYY-MM-DD)',
		displayOptions: { show: { operation: ['calculate'], period: ['fixed'] } },
	},
	{
		displayName: 'Record Claims',
		name: 'recordClaims',
		type: 'boolean',
		default: true,
		description:
			'Whether to record which accrual claimed each line, so a later run that claims a line for another accrual raises DUPLICATE_CLAIM. Off = preview: earlier claims are still checked, nothing is written.',
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Currency of Lines Without One',
				name: 'assumedCurrency',
				type: 'string',
				default: '',
				placeholder: 'USD',
				description: 'Currency assumed for lines and documents that state none. Empty: such lines count in any program\'s currency.',
			},
			{
				displayName: 'Include Line Detail',
				name: 'includeLineDetail',
				type: 'boolean',
				default: false,
				description: 'Whether each accrual lists its lines with their figures and their share of the rebate (source line IDs are always included)',
			},
			{
				displayName: 'Time Zone',
				name: 'timeZone',
				type: 'string',
				default: 'UTC',
				placeholder: 'America/Chicago',
				description: 'IANA zone in which line date-times become calendar dates (date-only values are used as written)',
			},
		],
	},
];

interface CalculateOptions {
	assumedCurrency?: string;
	includeLineDetail?: boolean;
	timeZone?: string;
}

const paired = (items: number[]) => items.map((item) => ({ item }));

function accrualItem(accrual: Accrual, mode: string): INodeExecutionData {
	const { items, ...json } = accrual;
	return { json: { ...json, claims: mode } as unknown as IDataObject, pairedItem: paired(items) };
}

function exceptionItem(exception: RebateException): INodeExecutionData {
	const { items, ...json } = exception;
	return { json: json as unknown as IDataObject, pairedItem: paired(items) };
}

/** Two outputs: Accruals (one per partner, program and period) and Exceptions (with reason codes). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const input = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as CalculateOptions;
	const raw: RawConfig = {
		programs: this.getNodeParameter('programs', 0),
		certifications: this.getNodeParameter('certifications', 0, '[]'),
		baselines: this.getNodeParameter('baselines', 0, '[]'),
		period: this.getNodeParameter('period', 0, 'quarter') as PeriodKind | 'fixed',
		periodStart: this.getNodeParameter('periodStart', 0, '') as string,
		periodEnd: this.getNodeParameter('periodEnd', 0, '') as string,
		timeZone: options.timeZone,
	};
	let config;
	try {
		config = parseConfig(raw);
	} catch (error) {
		throw toNodeError(this, error);
	}
	const assumedCurrency = options.assumedCurrency?.trim().toUpperCase() || undefined;
	if (assumedCurrency && !/^[A-Z]{3}$/.test(assumedCurrency)) {
		throw new NodeOperationError(this.getNode(), `Currency of Lines Without One "${options.assumedCurrency}" is not an ISO 4217 code`, { description: 'Use a code such as USD, or leave it empty.' });
	}

	// Items that cannot be read fail alone: with Continue On Fail they become INVALID_LINE exceptions
	// (or error-output items), the rest is calculated.
	const lines: RebateLine[] = [];
	const invalid: INodeExecutionData[] = [];
	const routesToErrorOutput = this.getNode().onError === 'continueErrorOutput';
	input.forEach((item, i) => {
		try {
			lines.push(...linesOfItem(item.json, i, config.period.timeZone));
		} catch (error) {
			if (!(error instanceof RebateLineError)) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			const nodeError = new NodeOperationError(this.getNode(), error.message, { itemIndex: i, description: error.hint });
			if (!this.continueOnFail()) throw nodeError;
			const exception = exceptionItem(invalidLine(i, error.message, error.hint, canonicalJson(item.json), error.partner));
			invalid.push({ ...exception, json: { ...exception.json, error: error.message }, ...(routesToErrorOutput ? { error: nodeError } : {}) });
		}
	});

	const record = this.getNodeParameter('recordClaims', 0, true) as boolean;
	const ledger = await ledgerFor(this, 0);
	const result = await calculateRebates(lines, config, { claims: ledger, record, assumedCurrency, includeLineDetail: options.includeLineDetail === true });
	const mode = record ? 'recorded' : 'preview';
	return [result.accruals.map((a) => accrualItem(a, mode)), [...result.exceptions.map(exceptionItem), ...invalid]];
}
