import { returnAllOrLimit } from '../../nodes/common/descriptions';

describe('returnAllOrLimit', () => {
	it('gives Return All and a Limit shown only when Return All is off', () => {
		const [returnAll, limit] = returnAllOrLimit();
		expect(returnAll).toMatchObject({ name: 'returnAll', type: 'boolean', default: false });
		expect(limit).toMatchObject({ name: 'limit', type: 'number', default: 50, displayOptions: { show: { returnAll: [false] } } });
		expect(limit.typeOptions).toEqual({ minValue: 1 });
	});

	it('caps the limit at the vendor maximum when given', () => {
		expect(returnAllOrLimit(1000)[1].typeOptions).toEqual({ minValue: 1, maxValue: 1000 });
	});
});
