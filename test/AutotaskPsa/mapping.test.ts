import { isCanonical } from '../../nodes/common/canonical';
import { autotaskMappings } from '../../nodes/AutotaskPsa/mapping';
import { ENTITIES } from '../../nodes/AutotaskPsa/actions/entities';

const company = {
	id: 29683501,
	companyName: 'Cedar Dental Group',
	companyNumber: 'C1002',
	companyType: 1,
	isActive: true,
	phone: '813-555-0199',
	webAddress: 'https://cedardental.example',
	address1: '12 Bay St',
	address2: '',
	city: 'Tampa',
	state: 'FL',
	postalCode: '33602',
	taxID: '59-7654321',
	parentCompanyID: null,
	lastTrackedModifiedDateTime: '2025-03-04T10:11:12.123Z',
};

describe('canonical mapping registry', () => {
	it('maps the same canonical types as the ConnectWise node, each to a resource the node has', () => {
		expect(Object.keys(autotaskMappings).sort()).toEqual(['Agreement', 'Customer', 'Expense', 'Invoice', 'Project', 'TimeEntry']);
		for (const [type, mapping] of Object.entries(autotaskMappings)) {
			expect(mapping.type).toBe(type);
			expect(ENTITIES.find((e) => e.resource === mapping.resource)?.canonical).toBe(mapping);
		}
	});

	it('maps a company to a Customer and back', () => {
		const customer = autotaskMappings.Customer.toCanonical(company);
		expect(isCanonical(customer, 'Customer')).toBe(true);
		expect(customer).toEqual({
			type: 'Customer',
			externalIds: { autotaskPsa: '29683501' },
			source: { system: 'autotaskPsa', id: '29683501', updatedAt: '2025-03-04T10:11:12.123Z' },
			name: 'Cedar Dental Group',
			code: 'C1002',
			status: 'active',
			phone: '813-555-0199',
			website: 'https://cedardental.example',
			taxId: '59-7654321',
			addresses: [{ type: 'billing', line1: '12 Bay St', city: 'Tampa', region: 'FL', postalCode: '33602' }],
		});
		expect(autotaskMappings.Customer.fromCanonical(customer)).toEqual({
			companyName: 'Cedar Dental Group',
			companyNumber: 'C1002',
			companyType: 1,
			isActive: true,
			phone: '813-555-0199',
			webAddress: 'https://cedardental.example',
			taxID: '59-7654321',
			address1: '12 Bay St',
			city: 'Tampa',
			state: 'FL',
			postalCode: '33602',
		});
		expect(autotaskMappings.Customer.toCanonical({ ...company, companyType: 3 })).toMatchObject({ status: 'prospect' });
		expect(autotaskMappings.Customer.toCanonical({ ...company, isActive: false })).toMatchObject({ status: 'inactive' });
	});

	it('keeps hours and money as decimal strings both ways', () => {
		const entry = autotaskMappings.TimeEntry.toCanonical({
			id: 29700001,
			resourceID: 29682886,
			ticketID: 7300,
			taskID: null,
			dateWorked: '2025-02-03T00:00:00Z',
			startDateTime: '2025-02-03T14:00:00.000Z',
			endDateTime: '2025-02-03T15:30:00.000Z',
			hoursWorked: 1.5,
			hoursToBill: 1.5,
			isNonBillable: false,
			summaryNotes: 'Replaced failing drive',
			contractID: 29684700,
			billingApprovalDateTime: '2025-02-08T00:00:00Z',
		});
		expect(entry).toMatchObject({
			type: 'TimeEntry',
			worker: { externalIds: { autotaskPsa: '29682886' } },
			workItem: { kind: 'ticket', externalIds: { autotaskPsa: '7300' } },
			agreement: { externalIds: { autotaskPsa: '29684700' } },
			start: '2025-02-03T14:00:00Z',
			hours: '1.5',
			billable: true,
			billableHours: '1.5',
			status: 'approved',
		});
		expect(autotaskMappings.TimeEntry.fromCanonical(entry)).toEqual({
			ticketID: 7300,
			resourceID: 29682886,
			contractID: 29684700,
			dateWorked: '2025-02-03T00:00:00Z',
			startDateTime: '2025-02-03T14:00:00Z',
			endDateTime: '2025-02-03T15:30:00Z',
			hoursWorked: 1.5,
			isNonBillable: false,
			summaryNotes: 'Replaced failing drive',
		});

		const expense = autotaskMappings.Expense.toCanonical({ id: 14500, expenseReportID: 880, expenseDate: '2025-01-10T00:00:00Z', expenseCurrencyExpenseAmount: 12.3, companyID: 29683501, isBillableToCompany: true, description: 'Parking' });
		expect(expense).toMatchObject({ type: 'Expense', amount: '12.3', date: '2025-01-10', billable: true, notes: 'Parking' });
		expect(autotaskMappings.Expense.fromCanonical(expense)).toMatchObject({ expenseReportID: 880, expenseCurrencyExpenseAmount: 12.3, companyID: 29683501 });

		const invoice = autotaskMappings.Invoice.toCanonical({ id: 5100, invoiceNumber: 'INV-10450', companyID: 29683501, invoiceDateTime: '2025-01-31T00:00:00Z', invoiceTotal: 1070.1, totalTaxValue: 70.1, paidDate: null, isVoided: false });
		expect(invoice).toMatchObject({ type: 'Invoice', number: 'INV-10450', status: 'open', lines: [], totals: { total: '1070.1', tax: '70.1', subtotal: '1000' } });
	});

	it('maps projects and contracts both ways', () => {
		const project = autotaskMappings.Project.toCanonical({ id: 29684100, projectName: 'Office move', projectNumber: 'P20240001', companyID: 29683501, status: 5, startDateTime: '2024-04-01T00:00:00Z', endDateTime: '2024-05-01T00:00:00Z', estimatedTime: 40 });
		expect(project).toMatchObject({ type: 'Project', name: 'Office move', status: 'closed', startDate: '2024-04-01', budgetHours: '40' });
		expect(autotaskMappings.Project.fromCanonical(project)).toMatchObject({ projectName: 'Office move', companyID: 29683501, status: 5, estimatedTime: 40, startDateTime: '2024-04-01T00:00:00Z' });
		expect(autotaskMappings.Project.toCanonical({ id: 1, projectName: 'x', status: 2 })).toMatchObject({ status: 'open' });

		const agreement = autotaskMappings.Agreement.toCanonical({ id: 29684700, contractName: 'Managed Services', companyID: 29683501, status: 1, startDate: '2024-01-01T00:00:00Z', endDate: '2025-01-01T00:00:00Z', setupFee: 250, contractType: 7 });
		expect(agreement).toMatchObject({ type: 'Agreement', status: 'active', customer: { externalIds: { autotaskPsa: '29683501' } }, amount: '250' });
		expect(autotaskMappings.Agreement.fromCanonical(agreement)).toMatchObject({ contractName: 'Managed Services', companyID: 29683501, status: 1, setupFee: 250, contractType: 7 });
	});
});
