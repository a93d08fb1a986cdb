import { certificationOn } from '../../nodes/RebateEngine/core/certifications';
import { admit, selectStackable } from '../../nodes/RebateEngine/core/eligibility';
import { line, program } from './helpers';

const certs = [
	{ partner: 'P-1', level: 'Gold', validFrom: '2025-01-01', validTo: '2025-02-15' },
	{ partner: 'P-1', level: 'silver', validFrom: '2024-01-01' },
	{ partner: 'P-2', level: 'gold', validFrom: '2025-03-01' },
];

describe('eligibility', () => {
	it('filters by partners, items, categories and program dates (inclusive), silently', () => {
		const p = program({ partners: ['P-1'], items: ['SKU'], categories: ['cat'], validFrom: '2025-02-01', validTo: '2025-02-28' });
		expect(admit(line(), p, []).status).toBe('admitted');
		expect(admit(line({ partner: 'P-9' }), p, []).status).toBe('outside');
		expect(admit(line({ sku: 'OTHER' }), p, []).status).toBe('outside');
		expect(admit(line({ category: 'other' }), p, []).status).toBe('outside');
		expect(admit(line({ date: '2025-01-31' }), p, []).status).toBe('outside');
		expect(admit(line({ date: '2025-02-01' }), p, []).status).toBe('admitted');
		expect(admit(line({ date: '2025-02-28' }), p, []).status).toBe('admitted');
		expect(admit(line({ date: '2025-03-01' }), p, []).status).toBe('outside');
	});

	it('never mixes currencies; a line without one fits unless a currency is assumed', () => {
		const p = program({});
		expect(admit(line({ currency: 'EUR' }), p, [])).toEqual({ status: 'currency_mismatch', currency: 'EUR' });
		expect(admit(line({ currency: '' }), p, []).status).toBe('admitted');
		expect(admit(line({ currency: '' }), p, [], 'CAD')).toEqual({ status: 'currency_mismatch', currency: 'CAD' });
	});

	it('checks the certification level on the line date: validTo inclusive, expired is reported, never-held is outside', () => {
		const p = program({ certification: ['gold', 'platinum'] });
		expect(admit(line({ date: '2025-02-14' }), p, certs).status).toBe('admitted');
		expect(admit(line({ date: '2025-02-15' }), p, certs).status).toBe('admitted');
		expect(admit(line({ date: '2025-02-16' }), p, certs)).toEqual({ status: 'certification_expired', certification: certs[0] });
		expect(admit(line({ date: '2024-12-31' }), p, certs).status).toBe('outside'); // not yet valid
		expect(admit(line({ partner: 'P-2', date: '2025-02-16' }), p, certs).status).toBe('outside'); // from March only
		expect(admit(line({ partner: 'P-3' }), p, certs).status).toBe('outside');
		expect(certificationOn(certs, 'P-1', ['silver'], '2030-01-01').status).toBe('valid');
	});

	it('stacks programs in their order: a non-stackable program takes the line alone', () => {
		const a = program({ id: 'A' });
		const b = program({ id: 'B', stackable: false });
		const c = program({ id: 'C' });
		expect(selectStackable([a, c]).chosen.map((p) => p.id)).toEqual(['A', 'C']);
		const first = selectStackable([b, a, c]);
		expect(first.chosen.map((p) => p.id)).toEqual(['B']);
		expect(first.passedOver.map((x) => [x.program.id, x.because.id])).toEqual([
			['A', 'B'],
			['C', 'B'],
		]);
		const later = selectStackable([a, b, c]);
		expect(later.chosen.map((p) => p.id)).toEqual(['A', 'C']);
		expect(later.passedOver.map((x) => [x.program.id, x.because.id])).toEqual([['B', 'A']]);
	});
});
