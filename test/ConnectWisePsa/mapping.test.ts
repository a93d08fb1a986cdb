import type { IDataObject } from 'n8n-workflow';

import { isCanonical } from '../../nodes/common/canonical';
import type { Agreement, CreditMemo, Customer, Expense, Invoice, Project, TimeEntry } from '../../nodes/common/canonical';
import {
	fromConnectWiseAddition,
	fromConnectWiseAgreement,
	fromConnectWiseCompany,
	fromConnectWiseExpense,
	fromConnectWiseInvoice,
	fromConnectWiseProject,
	fromConnectWiseTimeEntry,
	toConnectWiseAddition,
	toConnectWiseAgreement,
	toConnectWiseCompany,
	toConnectWiseExpense,
	toConnectWiseInvoice,
	toConnectWiseProject,
	toConnectWiseTimeEntry,
} from '../../nodes/ConnectWisePsa/mapping';

const info = { _info: { lastUpdated: '2024-05-01T12:00:00Z', updatedBy: 'api' } };

/** The fields of `record` that `written` also has: what a to-ConnectWise mapping must give back. */
function pick(record: IDataObject, written: IDataObject): IDataObject {
	return Object.fromEntries(Object.keys(written).map((key) => [key, record[key]]));
}

describe('company ↔ Customer', () => {
	const company = {
		id: 250,
		identifier: 'ACME',
		name: 'Acme Inc',
		status: { id: 1, name: 'Active' },
		addressLine1: '1 Main St',
		addressLine2: 'Suite 5',
		city: 'Tampa',
		state: 'FL',
		zip: '33601',
		country: { identifier: 'US' },
		phoneNumber: '555-0100',
		website: 'https://acme.test',
		taxIdentifier: '12-345',
		parentCompany: { id: 9, identifier: 'HOLD', name: 'Holding' },
		...info,
	};

	it('maps to a canonical Customer and back to the same writable fields', () => {
		const customer = fromConnectWiseCompany(company) as Customer;
		expect(isCanonical(customer, 'Customer')).toBe(true);
		expect(customer).toMatchObject({
			code: 'ACME',
			status: 'active',
			parent: { externalIds: { connectWisePsa: '9' }, code: 'HOLD', name: 'Holding' },
			source: { system: 'connectWisePsa', id: '250', updatedAt: '2024-05-01T12:00:00Z' },
		});
		const written = toConnectWiseCompany(customer);
		expect(written).toEqual({ ...pick(company, written), parentCompany: { id: 9 } });
		expect(Object.keys(written).sort()).toEqual(
			['identifier', 'name', 'addressLine1', 'addressLine2', 'city', 'state', 'zip', 'country', 'phoneNumber', 'website', 'taxIdentifier', 'parentCompany'].sort(),
		);
	});

	it('round-trips a canonical Customer through ConnectWise', () => {
		const customer: Customer = {
			type: 'Customer',
			externalIds: { connectWisePsa: '77' },
			name: 'Globex',
			code: 'GLOBEX',
			phone: '555-0199',
			addresses: [{ type: 'billing', line1: '9 Elm', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' }],
		};
		const echoed = { id: 77, ...toConnectWiseCompany(customer) };
		const back = fromConnectWiseCompany(echoed);
		expect(back).toEqual({ ...customer, source: { system: 'connectWisePsa', id: '77' } });
	});

	it('reads deleted and lead companies and vendors', () => {
		expect(fromConnectWiseCompany({ id: 1, name: 'x', deletedFlag: true }).status).toBe('inactive');
		expect(fromConnectWiseCompany({ id: 1, name: 'x', leadFlag: true }).status).toBe('prospect');
		expect(fromConnectWiseCompany({ id: 1, name: 'x' }, 'Supplier').type).toBe('Supplier');
	});
});

describe('project ↔ Project', () => {
	const project = {
		id: 40,
		name: 'Migration',
		company: { id: 250, identifier: 'ACME', name: 'Acme Inc' },
		manager: { id: 12, identifier: 'jdoe', name: 'Jane Doe' },
		estimatedStart: '2024-03-01T00:00:00Z',
		estimatedEnd: '2024-04-30T00:00:00Z',
		billingMethod: 'FixedFee',
		budgetHours: 120.5,
		billingAmount: 9000,
		customerPO: 'PO-1',
		description: 'Move to cloud',
		closedFlag: false,
		...info,
	};

	it('maps both ways', () => {
		const canonical = fromConnectWiseProject(project);
		expect(canonical).toMatchObject({
			type: 'Project',
			status: 'open',
			startDate: '2024-03-01',
			endDate: '2024-04-30',
			billingMethod: 'fixed_fee',
			budgetHours: '120.5',
			budgetAmount: '9000',
			customer: { externalIds: { connectWisePsa: '250' }, code: 'ACME' },
		});
		const written = toConnectWiseProject(canonical);
		expect(written).toEqual({ ...pick(project, written), company: { id: 250 }, manager: { id: 12 } });
	});

	it('round-trips a canonical Project', () => {
		const canonical: Project = {
			type: 'Project',
			externalIds: { connectWisePsa: '41' },
			name: 'Rollout',
			customer: { externalIds: { connectWisePsa: '250' } },
			startDate: '2024-06-01',
			endDate: '2024-06-30',
			billingMethod: 'time_and_materials',
			budgetHours: '10',
		};
		expect(fromConnectWiseProject({ id: 41, ...toConnectWiseProject(canonical) })).toEqual({
			...canonical,
			source: { system: 'connectWisePsa', id: '41' },
		});
	});
});

describe('time entry ↔ TimeEntry', () => {
	const entry = {
		id: 700,
		chargeToId: 501,
		chargeToType: 'ServiceTicket',
		company: { id: 250, identifier: 'ACME' },
		member: { id: 12, identifier: 'jdoe', name: 'Jane Doe' },
		timeStart: '2024-05-01T06:00:00Z',
		timeEnd: '2024-05-01T07:15:00Z',
		actualHours: 1.25,
		billableOption: 'Billable',
		hourlyRate: 150,
		notes: 'Replaced toner',
		internalNotes: 'Tray 2 worn',
		status: 'ApprovedByTierTwo',
		workType: { id: 1, name: 'Remote' },
		...info,
	};

	it('maps both ways', () => {
		const canonical = fromConnectWiseTimeEntry(entry);
		expect(canonical).toMatchObject({
			workItem: { kind: 'ticket', externalIds: { connectWisePsa: '501' } },
			hours: '1.25',
			billable: true,
			rate: '150',
			status: 'approved',
			workType: 'Remote',
			worker: { externalIds: { connectWisePsa: '12' }, code: 'jdoe', name: 'Jane Doe' },
		});
		const written = toConnectWiseTimeEntry(canonical);
		expect(written).toEqual({ ...pick(entry, written), company: { id: 250 }, member: { id: 12 } });
	});

	it('round-trips a canonical TimeEntry', () => {
		const canonical: TimeEntry = {
			type: 'TimeEntry',
			externalIds: { connectWisePsa: '701' },
			worker: { externalIds: { connectWisePsa: '12' } },
			workItem: { kind: 'charge_code', externalIds: { connectWisePsa: '3' } },
			start: '2024-05-02T08:00:00Z',
			end: '2024-05-02T08:30:00Z',
			hours: '0.5',
			billable: false,
			notes: 'Admin',
		};
		expect(fromConnectWiseTimeEntry({ id: 701, ...toConnectWiseTimeEntry(canonical) })).toEqual({
			...canonical,
			source: { system: 'connectWisePsa', id: '701' },
		});
	});
});

describe('expense ↔ Expense', () => {
	it('round-trips a canonical Expense', () => {
		const canonical: Expense = {
			type: 'Expense',
			externalIds: { connectWisePsa: '800' },
			worker: { externalIds: { connectWisePsa: '12' } },
			workItem: { kind: 'project_ticket', externalIds: { connectWisePsa: '77' } },
			category: { externalIds: { connectWisePsa: '2' } },
			date: '2024-05-02',
			amount: '42.5',
			billable: true,
			notes: 'Taxi',
		};
		const written = toConnectWiseExpense(canonical);
		expect(written).toEqual({
			chargeToType: 'ProjectTicket',
			chargeToId: 77,
			member: { id: 12 },
			type: { id: 2 },
			date: '2024-05-02T00:00:00Z',
			amount: 42.5,
			billableOption: 'Billable',
			notes: 'Taxi',
		});
		expect(fromConnectWiseExpense({ id: 800, ...written })).toEqual({
			...canonical,
			source: { system: 'connectWisePsa', id: '800' },
		});
	});

	it('reads classification, currency and payment method', () => {
		const expense = fromConnectWiseExpense({
			id: 1,
			amount: 10,
			classification: { id: 1, name: 'NonReimbursable' },
			currency: { id: 1, currencyCode: 'EUR' },
			paymentMethod: { id: 2, name: 'Company Card' },
		});
		expect(expense).toMatchObject({ reimbursable: false, currency: 'EUR', paymentMethod: 'Company Card', amount: '10' });
	});
});

describe('agreement ↔ Agreement', () => {
	const agreement = {
		id: 31,
		name: 'Managed Services',
		type: { id: 4, name: 'MSP Gold' },
		company: { id: 250, identifier: 'ACME', name: 'Acme Inc' },
		contact: { id: 9, name: 'Ada Lovelace' },
		agreementStatus: 'Active',
		startDate: '2024-01-01T00:00:00Z',
		noEndingDateFlag: true,
		billAmount: 1500,
		billingCycle: { id: 2, name: 'Monthly' },
		customerPO: 'PO-7',
		internalNotes: 'Renew yearly',
		...info,
	};
	const additions = [
		{
			id: 5,
			product: { id: 88, identifier: 'M365-BP', description: 'Microsoft 365 Business Premium' },
			quantity: 25,
			unitPrice: 22,
			unitCost: 18.5,
			extPrice: 550,
			billCustomer: 'Billable',
			effectiveDate: '2024-01-01T00:00:00Z',
			taxableFlag: false,
		},
	];

	it('maps an agreement with its additions', () => {
		const canonical = fromConnectWiseAgreement(agreement, additions);
		expect(canonical).toMatchObject({
			status: 'active',
			plan: { externalIds: { connectWisePsa: '4' }, name: 'MSP Gold' },
			billingInterval: { unit: 'month', count: 1 },
			amount: '1500',
			startDate: '2024-01-01',
			contact: { name: 'Ada Lovelace', externalIds: { connectWisePsa: '9' } },
			lines: [
				{
					item: { sku: 'M365-BP', name: 'Microsoft 365 Business Premium' },
					quantity: '25',
					unitPrice: '22',
					amount: '550',
					billable: true,
					effectiveDate: '2024-01-01',
				},
			],
		});
		expect(canonical.endDate).toBeUndefined();
		const written = toConnectWiseAgreement(canonical);
		expect(written).toEqual({ ...pick(agreement, written), company: { id: 250 }, contact: { id: 9 }, type: { id: 4 } });
	});

	it('round-trips a canonical Agreement and its lines', () => {
		const canonical: Agreement = {
			type: 'Agreement',
			externalIds: { connectWisePsa: '32' },
			name: 'Backup',
			customer: { externalIds: { connectWisePsa: '250' } },
			plan: { externalIds: { connectWisePsa: '4' } },
			startDate: '2024-02-01',
			endDate: '2025-01-31',
			amount: '99.99',
			poNumber: 'PO-8',
		};
		expect(fromConnectWiseAgreement({ id: 32, ...toConnectWiseAgreement(canonical) })).toEqual({
			...canonical,
			source: { system: 'connectWisePsa', id: '32' },
		});
		const line = fromConnectWiseAddition(additions[0]);
		expect(fromConnectWiseAddition({ id: 5, ...toConnectWiseAddition(line), product: additions[0].product, extPrice: 550 })).toEqual(line);
	});
});

describe('invoice ↔ Invoice / CreditMemo', () => {
	const invoice = {
		id: 1001,
		invoiceNumber: 'INV-1001',
		type: 'Standard',
		company: { id: 250, identifier: 'ACME', name: 'Acme Inc' },
		date: '2024-05-31T00:00:00Z',
		dueDate: '2024-06-30T00:00:00Z',
		customerPO: 'PO-9',
		subtotal: 1000,
		salesTax: 70,
		total: 1070,
		payments: 500,
		balance: 570,
		currency: { currencyCode: 'USD' },
		billingTerms: { id: 1, name: 'Net 30' },
		applyToType: 'Project',
		applyToId: 40,
		billingSite: { id: 3, name: 'Main' },
		billingSiteCity: 'Tampa',
		billingSiteState: 'FL',
		billingSiteZip: '33601',
		billingSiteCountry: 'United States',
		...info,
	};

	it('maps an invoice with totals, status and products as lines', () => {
		const canonical = fromConnectWiseInvoice(invoice, [
			{ id: 60, catalogItem: { id: 15, identifier: 'TONER' }, description: 'Toner', quantity: 2, price: 49.975 },
		]) as Invoice;
		expect(canonical).toMatchObject({
			type: 'Invoice',
			number: 'INV-1001',
			date: '2024-05-31',
			dueDate: '2024-06-30',
			status: 'partially_paid',
			currency: 'USD',
			paymentTerms: 'Net 30',
			project: { externalIds: { connectWisePsa: '40' } },
			totals: { subtotal: '1000', tax: '70', total: '1070', amountPaid: '500', balance: '570' },
			billTo: { type: 'billing', name: 'Main', city: 'Tampa', region: 'FL', postalCode: '33601', country: 'United States' },
			lines: [{ item: { sku: 'TONER' }, quantity: '2', unitPrice: '49.975', amount: '99.95' }],
		});
		const written = toConnectWiseInvoice(canonical);
		expect(written).toEqual({ ...pick(invoice, written), company: { id: 250 } });
	});

	it('reads a paid invoice and a credit memo', () => {
		expect((fromConnectWiseInvoice({ ...invoice, payments: 1070, balance: 0 }) as Invoice).status).toBe('paid');
		const memo = fromConnectWiseInvoice({ ...invoice, type: 'CreditMemo', balance: -100, adjustmentReason: 'Returned' }) as CreditMemo;
		expect(memo).toMatchObject({ type: 'CreditMemo', status: 'open', reason: 'Returned' });
		expect(toConnectWiseInvoice(memo).type).toBe('CreditMemo');
	});
});
