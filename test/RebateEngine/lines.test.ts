import { RebateLineError } from '../../nodes/RebateEngine/core/errors';
import { linesOfItem } from '../../nodes/RebateEngine/core/lines';

const invoice = {
	type: 'Invoice',
	externalIds: { netSuite: '77' },
	number: 'INV-9',
	customer: { code: 'P-1', externalIds: { netSuite: '12' } },
	date: '2025-02-03',
	currency: 'usd',
	lines: [
		{ lineNumber: '10', item: { sku: 'SW-24', category: 'net' }, quantity: '4', unitPrice: '500', discountAmount: '50', amount: '1950', unitCost: '400' },
		{ item: { code: 'AP-1' }, category: 'wifi', quantity: '2', unitPrice: '100', discountAmount: '10' },
	],
};

describe('reading lines', () => {
	it('reads canonical invoice lines: partner from the customer, cost from unit cost, amount from price − discount when absent', () => {
		const lines = linesOfItem(invoice, 3, 'UTC');
		expect(lines).toEqual([
			{ id: 'INV:INV-9:10', item: 3, kind: 'invoice', partner: 'P-1', document: 'INV-9', lineNumber: '10', sku: 'SW-24', category: 'net', date: '2025-02-03', currency: 'USD', quantity: '4', amount: '1950', cost: '1600', discountAmount: '50' },
			{ id: 'INV:INV-9:2', item: 3, kind: 'invoice', partner: 'P-1', document: 'INV-9', lineNumber: '2', sku: 'AP-1', category: 'wifi', date: '2025-02-03', currency: 'USD', quantity: '2', amount: '190', discountAmount: '10' },
		]);
	});

	it('falls back to the customer id, then its first external id by system name', () => {
		expect(linesOfItem({ ...invoice, customer: { id: 'C-1', code: '' } }, 0, 'UTC')[0].partner).toBe('C-1');
		expect(linesOfItem({ ...invoice, customer: { externalIds: { zeta: 'Z', alpha: 'A' } } }, 0, 'UTC')[0].partner).toBe('A');
	});

	it('counts credit memo lines negative, whatever sign the source used', () => {
		const memo = { ...invoice, type: 'CreditMemo', number: 'CM-1', lines: [{ quantity: '2', amount: '-1000', unitCost: '400' }] };
		expect(linesOfItem(memo, 0, 'UTC')[0]).toMatchObject({ id: 'CM:CM-1:1', kind: 'credit_memo', quantity: '-2', amount: '-1000', cost: '-800' });
		const row = { partner: 'P-1', documentType: 'credit_memo', invoiceNumber: 'CM-2', lineNumber: 1, date: '2025-01-01', quantity: 3, amount: 30 };
		expect(linesOfItem(row, 0, 'UTC')[0]).toMatchObject({ id: 'CM:CM-2:1', quantity: '-3', amount: '-30' });
	});

	it('reads flat rows (numbers or strings) and gives the same id as the canonical form of the same line', () => {
		const row = { partner: 'P-1', invoiceNumber: 'INV-9', lineNumber: 10, sku: 'SW-24', category: 'net', date: '2025-02-03T10:00:00Z', quantity: 4, amount: 1950, cost: 1600, discountAmount: 50, currency: 'USD' };
		const [fromRow] = linesOfItem(row, 0, 'UTC');
		const [fromDoc] = linesOfItem(invoice, 0, 'UTC');
		expect(fromRow).toEqual(fromDoc);
		// A row may bring its own line id; quantity defaults to 0.
		expect(linesOfItem({ partner: 'P-1', lineId: 'ERP-LINE-5', date: '2025-01-01', amount: '5' }, 0, 'UTC')[0]).toMatchObject({ id: 'ERP-LINE-5', quantity: '0' });
	});

	it('applies the time zone to date-times', () => {
		const row = { partner: 'P-1', invoiceNumber: 'I', lineNumber: 1, date: '2025-03-31T23:30:00-05:00', amount: '1' };
		expect(linesOfItem(row, 0, 'UTC')[0].date).toBe('2025-04-01');
		expect(linesOfItem(row, 0, 'America/Chicago')[0].date).toBe('2025-03-31');
	});

	it.each([
		[{ ...invoice, customer: {} }, 'Item 4 (Invoice INV-9): customer has no code, id or external id'],
		[{ ...invoice, date: undefined }, 'Item 4 (Invoice INV-9): date is missing'],
		[{ ...invoice, number: undefined, externalIds: {} }, 'Item 4 (Invoice): number is missing'],
		[{ ...invoice, lines: [{ lineNumber: '1', quantity: 'two', amount: '5' }] }, 'Item 4 (Invoice INV-9 line 1): quantity is not a number: "two"'],
		[{ ...invoice, lines: [{ lineNumber: '1', quantity: '1' }] }, 'Item 4 (Invoice INV-9 line 1): amount is missing'],
		[{ type: 'SalesOrder', lines: [] }, 'Item 4 has lines but its type is "SalesOrder"'],
		[{ sku: 'X' }, 'Item 4 is neither an Invoice/CreditMemo with lines nor a line row with "partner"'],
		[{ partner: 'P-1', lineNumber: '1', date: '2025-01-01', amount: '1' }, 'Item 4 (1): invoiceNumber is missing'],
		[{ partner: 'P-1', invoiceNumber: 'I-1', lineNumber: '1', date: '01/02/2025', amount: '1' }, 'Item 4 (I-1 line 1): date is not an ISO date: "01/02/2025"'],
		[{ partner: 'P-1', invoiceNumber: 'I-1', lineNumber: '1', date: '2025-01-02', amount: '1', documentType: 'quote' }, 'Item 4 (I-1 line 1): documentType is "quote"'],
		[{ partner: '', invoiceNumber: 'I-1', lineNumber: '1', date: '2025-01-02', amount: '1' }, 'Item 4 (I-1 line 1): partner is missing'],
	])('names the item and field: %j', (item, message) => {
		let error: unknown;
		try {
			linesOfItem(item, 4, 'UTC');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(RebateLineError);
		expect((error as RebateLineError).message).toBe(message);
		expect((error as RebateLineError).itemIndex).toBe(4);
	});
});
