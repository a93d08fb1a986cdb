import type { IDataObject, INode } from 'n8n-workflow';

import { buildPatch, buildRecord } from '../../nodes/ConnectWisePsa/helpers/fields';
import type { FieldSpec } from '../../nodes/ConnectWisePsa/helpers/fields';
import { andConditions, conditionDate, conditionString, recordId, toConnectWiseDateTime } from '../../nodes/ConnectWisePsa/helpers/values';
import { API, api, executeContext, node as connectWiseNode, setupNock } from './helpers';

setupNock();

const node = { name: 'ConnectWise PSA' } as INode;

describe('ConnectWise values', () => {
	it.each([
		['2024-05-01T08:00:00Z', 'UTC', '2024-05-01T08:00:00Z'],
		['2024-05-01T08:00:00.123+02:00', 'UTC', '2024-05-01T06:00:00Z'],
		['2024-05-01T08:00:00', 'UTC', '2024-05-01T08:00:00Z'],
		['2024-05-01T08:00:00', 'America/New_York', '2024-05-01T12:00:00Z'],
		['2024-01-15 08:00', 'America/New_York', '2024-01-15T13:00:00Z'],
		['2024-03-31T02:30:00', 'Europe/Berlin', '2024-03-31T01:30:00Z'],
		['2024-05-01T08:00:00+02:00', 'America/New_York', '2024-05-01T06:00:00Z'],
		['2024-05-01', 'America/New_York', '2024-05-01T00:00:00Z'],
		['2024-05-01T08:00:00', 'Not/AZone', '2024-05-01T08:00:00Z'],
	])('%s in %s is %s', (input, zone, expected) => {
		expect(toConnectWiseDateTime(input, zone)).toBe(expected);
	});

	it('rejects what is not a date', () => {
		expect(toConnectWiseDateTime('soon')).toBeUndefined();
		expect(toConnectWiseDateTime('')).toBeUndefined();
	});

	it('writes condition values', () => {
		expect(conditionString('O"Brien \\ Co')).toBe('"O\\"Brien \\\\ Co"');
		expect(conditionDate('2024-01-01')).toBe('[2024-01-01T00:00:00Z]');
		expect(() => conditionDate('nope')).toThrow(TypeError);
		expect(andConditions('a=1', undefined, ' ', 'b=2 or c=3')).toBe('(a=1) and (b=2 or c=3)');
		expect(andConditions('a=1')).toBe('a=1');
		expect(andConditions()).toBeUndefined();
	});

	it('reads record ids from numbers, strings, locators and links', () => {
		expect(recordId(node, 250, 'Company', 0)).toBe(250);
		expect(recordId(node, ' 250 ', 'Company', 0)).toBe(250);
		expect(recordId(node, { __rl: true, mode: 'list', value: '251' }, 'Company', 0)).toBe(251);
		expect(
			recordId(node, { __rl: true, mode: 'url', value: 'https://x.test/openrecord.rails?recordType=CompanyFV&recid=252' }, 'Company', 0),
		).toBe(252);
		expect(recordId(node, 'https://x.test/v4_6_release/apis/3.0/company/companies/253', 'Company', 0)).toBe(253);
		expect(() => recordId(node, '0', 'Company', 0)).toThrow(/not a valid ConnectWise record ID/);
		expect(() => recordId(node, '12a', 'Company', 0)).toThrow(/Company: "12a"/);
	});
});

describe('field specs', () => {
	const specs: FieldSpec[] = [
		{ name: 'summary', displayName: 'Summary', path: 'summary', kind: 'string' },
		{ name: 'boardId', displayName: 'Board', path: 'board', kind: 'ref' },
		{ name: 'typeIds', displayName: 'Types', path: 'types', kind: 'refList' },
		{ name: 'hours', displayName: 'Hours', path: 'hours', kind: 'number' },
		{ name: 'when', displayName: 'When', path: 'when', kind: 'dateTime' },
		{ name: 'flag', displayName: 'Flag', path: 'flag', kind: 'boolean' },
		{ name: 'extra', displayName: 'Extra', path: '', kind: 'json' },
	];
	const context = { node, itemIndex: 0, timeZone: 'UTC' };

	it('builds a body, skipping empty values', () => {
		expect(
			buildRecord(context, specs, {
				summary: 'Hi',
				boardId: '3',
				typeIds: '1, 2',
				hours: '1.5',
				when: '',
				flag: false,
				unknown: 'ignored',
				extra: { summary: 'Override', site: { name: 'Main' } },
			}),
		).toEqual({ summary: 'Override', board: { id: 3 }, types: [{ id: 1 }, { id: 2 }], hours: 1.5, flag: false, site: { name: 'Main' } });
	});

	it('builds JSON-Patch replace operations', () => {
		expect(buildPatch(context, specs, { boardId: 4, when: '2024-01-01T10:00:00Z' })).toEqual([
			{ op: 'replace', path: 'board', value: { id: 4 } },
			{ op: 'replace', path: 'when', value: '2024-01-01T10:00:00Z' },
		]);
	});

	it('names the field of a bad value', () => {
		expect(() => buildRecord(context, specs, { hours: 'many' })).toThrow('Hours: "many" is not a number');
		expect(() => buildRecord(context, specs, { when: 'later' })).toThrow('When: "later" is not a valid date');
		expect(() => buildRecord(context, specs, { boardId: 'x' })).toThrow(/Board: "x"/);
	});
});

describe('workflow time zone', () => {
	it('reads date-times without a zone in the workflow’s time zone', async () => {
		let body: IDataObject = {};
		api()
			.post(`${API}/time/entries`, (b: IDataObject) => ((body = b), true))
			.reply(201, { id: 1 });
		const ctx = executeContext({
			resource: 'timeEntry',
			operation: 'create',
			chargeToType: 'ServiceTicket',
			chargeToId: '5',
			memberId: '',
			timeStart: '2024-07-01T09:00:00',
			timeEnd: '2024-07-01T10:30:00',
			notes: '',
			additionalFields: {},
		});
		ctx.getTimezone = () => 'Europe/Berlin';
		await connectWiseNode.execute.call(ctx);
		expect(body).toMatchObject({ timeStart: '2024-07-01T07:00:00Z', timeEnd: '2024-07-01T08:30:00Z' });
	});
});
