import { haloPsaMappings } from '../../nodes/HaloPsa/mapping';
import { fromHaloContract } from '../../nodes/HaloPsa/mapping/agreement';
import type { AnyCanonical } from '../../nodes/common/canonical';

describe('HaloPSA canonical mapping', () => {
	it('registers both directions for the PSA types', () => {
		expect(Object.keys(haloPsaMappings).sort()).toEqual(['Agreement', 'Customer', 'Expense', 'Invoice', 'Project', 'TimeEntry']);
		expect(Object.fromEntries(Object.entries(haloPsaMappings).map(([k, m]) => [k, m!.resource]))).toEqual({
			Customer: 'client',
			Project: 'project',
			TimeEntry: 'action',
			Expense: 'expense',
			Agreement: 'contract',
			Invoice: 'invoice',
		});
	});

	it('maps a client to a Customer and back, keeping the Halo id for an upsert', () => {
		const customer = haloPsaMappings.Customer!.toCanonical({
			id: 12,
			name: 'Harbor Dental Group',
			inactive: false,
			toplevel_id: 1,
			toplevel_name: 'Managed Clients',
			accountsemailaddress: 'accounts@harbor.example',
			website: 'https://harbor.example',
		});
		expect(customer).toEqual({
			type: 'Customer',
			externalIds: { haloPsa: '12' },
			source: { system: 'haloPsa', id: '12' },
			name: 'Harbor Dental Group',
			status: 'active',
			email: 'accounts@harbor.example',
			website: 'https://harbor.example',
			parent: { externalIds: { haloPsa: '1' }, name: 'Managed Clients' },
		});
		expect(haloPsaMappings.Customer!.fromCanonical(customer)).toEqual({
			id: 12,
			name: 'Harbor Dental Group',
			accountsemailaddress: 'accounts@harbor.example',
			website: 'https://harbor.example',
			inactive: false,
			toplevel_id: 1,
		});
	});

	it('maps an action with time to a TimeEntry on its ticket, hours as decimals', () => {
		const entry = haloPsaMappings.TimeEntry!.toCanonical({
			id: 5,
			ticket_id: 42,
			agent_id: 3,
			who: 'Sam Okafor',
			timetaken: 0.1 + 0.2,
			actionchargehours: 0,
			actionarrivaldate: '2026-01-05T10:00:00',
			actioncompletiondate: '2026-01-05T10:18:00',
			outcome: 'Remote Support',
			note: 'Fixed',
		});
		expect(entry).toMatchObject({
			type: 'TimeEntry',
			worker: { externalIds: { haloPsa: '3' }, name: 'Sam Okafor' },
			workItem: { kind: 'ticket', externalIds: { haloPsa: '42' } },
			start: '2026-01-05T10:00:00Z',
			end: '2026-01-05T10:18:00Z',
			hours: '0.30000000000000004',
			billable: false,
			billableHours: '0',
			workType: 'Remote Support',
		});
		expect(haloPsaMappings.TimeEntry!.fromCanonical(entry)).toMatchObject({ id: 5, ticket_id: 42, nonbill: true, actionchargehours: 0 });
	});

	it('maps an invoice with lines, status from amount due, money as decimal strings', () => {
		const invoice = haloPsaMappings.Invoice!.toCanonical({
			id: 7,
			invoicenumber: 'INV-5007',
			client_id: 2,
			client_name: 'Cedar Legal',
			invoice_date: '2026-02-01T00:00:00',
			due_date: '2026-03-03T00:00:00',
			currency_code: 'USD',
			posted: true,
			total: 53.4,
			amountdue: 20,
			lines: [{ id: 71, item_id: 3, item_code: 'M365-BP', description: 'Microsoft 365', qty_order: 2, unit_price: 22.25, net_amount: 44.5, tax_amount: 8.9 }],
		});
		expect(invoice).toMatchObject({
			type: 'Invoice',
			number: 'INV-5007',
			date: '2026-02-01',
			dueDate: '2026-03-03',
			status: 'partially_paid',
			totals: { total: '53.4', balance: '20' },
			lines: [{ lineNumber: '1', item: { externalIds: { haloPsa: '3' }, sku: 'M365-BP' }, quantity: '2', unitPrice: '22.25', amount: '44.5', taxAmount: '8.9' }],
		});
		expect(haloPsaMappings.Invoice!.fromCanonical(invoice)).toMatchObject({
			id: 7,
			client_id: 2,
			invoice_date: '2026-02-01T00:00:00',
			lines: [{ item_id: 3, item_code: 'M365-BP', qty_order: 2, unit_price: 22.25 }],
		});
	});

	it('maps a contract to an Agreement: period, amount and expiry', () => {
		const contract = { id: 4, ref: 'MSA-0004', client_id: 4, start_date: '2025-01-01T00:00:00', end_date: '2025-12-31T00:00:00', billingperiod: 'quarterly', periodchargeamount: 525, active: true };
		expect(fromHaloContract(contract, '2026-01-10')).toMatchObject({
			type: 'Agreement',
			name: 'MSA-0004',
			status: 'expired',
			billingInterval: { unit: 'month', count: 3 },
			amount: '525',
		});
		const back = haloPsaMappings.Agreement!.fromCanonical(fromHaloContract(contract, '2025-06-01'));
		expect(back).toEqual({ id: 4, ref: 'MSA-0004', client_id: 4, start_date: '2025-01-01T00:00:00', end_date: '2025-12-31T00:00:00', billingperiod: 'quarterly', periodchargeamount: 525, active: true });
	});

	it('maps projects and expenses both ways', () => {
		const project = haloPsaMappings.Project!.toCanonical({ id: 1201, summary: 'Server refresh', client_id: 4, status_id: 9, estimate: 40, budget: 7500.5 });
		expect(project).toMatchObject({ type: 'Project', name: 'Server refresh', status: 'closed', budgetHours: '40', budgetAmount: '7500.5' });
		expect(haloPsaMappings.Project!.fromCanonical(project)).toMatchObject({ id: 1201, summary: 'Server refresh', client_id: 4, status_id: 9, budget: 7500.5 });

		const expense = haloPsaMappings.Expense!.toCanonical({ id: 3, ticket_id: 15, amount: 19.85, billable: true, note: 'Cable', date: '2026-01-07T00:00:00' });
		expect(expense).toMatchObject({ type: 'Expense', amount: '19.85', billable: true, date: '2026-01-07', workItem: { kind: 'ticket' } });
		expect(haloPsaMappings.Expense!.fromCanonical(expense as AnyCanonical)).toEqual({ id: 3, ticket_id: 15, date: '2026-01-07T00:00:00', amount: 19.85, billable: true, note: 'Cable' });
	});
});
