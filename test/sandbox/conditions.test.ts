import { ConditionSyntaxError, parseConditions } from '../../sandbox/connectwise/conditions';
import { evaluate } from '../../sandbox/connectwise/evaluate';

const ticket = {
	id: 42,
	summary: 'Printer offline in lobby',
	closedFlag: false,
	budgetHours: null,
	status: { id: 2, name: 'In Progress' },
	company: { id: 7, identifier: 'HarborDental', name: 'Harbor Dental Group' },
	types: [{ id: 1, name: 'Client' }, { id: 3, name: 'Vendor' }],
	_info: { lastUpdated: '2024-05-01T12:00:00Z' },
};

const match = (conditions: string): boolean => evaluate(parseConditions(conditions), ticket);

describe('ConnectWise conditions parser', () => {
	it('builds an AST where and binds tighter than or', () => {
		expect(parseConditions('a = 1 or b = 2 and c = 3')).toEqual({
			kind: 'or',
			left: { kind: 'compare', field: ['a'], op: '=', negate: false, value: { type: 'number', value: 1 } },
			right: {
				kind: 'and',
				left: { kind: 'compare', field: ['b'], op: '=', negate: false, value: { type: 'number', value: 2 } },
				right: { kind: 'compare', field: ['c'], op: '=', negate: false, value: { type: 'number', value: 3 } },
			},
		});
	});

	it('honours parentheses over precedence', () => {
		// Without parentheses: id=1 or (id=42 and closedFlag=true) -> false; with them: (id=1 or id=42) and closedFlag=false -> true.
		expect(match('id = 1 or id = 42 and closedFlag = true')).toBe(false);
		expect(match('(id = 1 or id = 42) and closedFlag = false')).toBe(true);
		expect(match('(id = 1 or id = 42) and closedFlag = true')).toBe(false);
	});

	it('compares strings without case, numbers, booleans and nested reference paths', () => {
		expect(match('status/name = "in progress"')).toBe(true);
		expect(match('company/identifier="HarborDental" and status/id = 2')).toBe(true);
		expect(match('Company/Identifier != "HarborDental"')).toBe(false);
		expect(match('ClosedFlag = False')).toBe(true);
		expect(match('id >= 42 and id < 43')).toBe(true);
		expect(match('id > 42')).toBe(false);
	});

	it('compares [datetimes] and lets lastUpdated address _info', () => {
		expect(match('lastUpdated > [2024-04-30T00:00:00Z]')).toBe(true);
		expect(match('lastUpdated > [2024-05-01T12:00:00Z]')).toBe(false);
		expect(match('_info/lastUpdated <= [2024-05-01T12:00:00Z]')).toBe(true);
	});

	it('supports contains, like (with * and % wildcards), in and not', () => {
		expect(match('summary contains "OFFLINE"')).toBe(true);
		expect(match('summary not contains "offline"')).toBe(false);
		expect(match('summary like "Printer*lobby"')).toBe(true);
		expect(match('summary like "%offline%"')).toBe(true);
		expect(match('summary like "offline*"')).toBe(false);
		expect(match('summary not like "Scanner*"')).toBe(true);
		expect(match('status/id in (1, 2, 3)')).toBe(true);
		expect(match('status/id not in (1, 3)')).toBe(true);
		expect(match('company/identifier in ("Acme", "harbordental")')).toBe(true);
		expect(match('not (status/id = 2)')).toBe(false);
	});

	it('matches array paths when any element matches', () => {
		expect(match('types/name = "Vendor"')).toBe(true);
		expect(match('types/name = "Prospect"')).toBe(false);
	});

	it('treats null with SQL semantics', () => {
		expect(match('budgetHours = null')).toBe(true);
		expect(match('budgetHours != null')).toBe(false);
		// A comparison against a NULL field is unknown, and so is its negation.
		expect(match('budgetHours > 1')).toBe(false);
		expect(match('not (budgetHours > 1)')).toBe(false);
	});

	it.each([
		['status/name = ', 'Expected a value'],
		['status/name "New"', 'Expected an operator'],
		['(id = 1', "Expected ')'"],
		['summary = "unterminated', 'Unterminated string'],
		['lastUpdated > [not a date]', 'Invalid datetime'],
		['id = 1 and', 'Expected a field name'],
		['id in 1, 2', "Expected '('"],
		['summary = New', 'strings need quotes'],
		['id = 1 id = 2', "Unexpected 'id'"],
		['summary contains 5', 'needs a quoted string'],
	])('rejects %j', (input, message) => {
		expect(() => parseConditions(input)).toThrow(ConditionSyntaxError);
		expect(() => parseConditions(input)).toThrow(message);
	});
});
