import { orderedByKey, scanClauses, withKeyAfter } from '../../nodes/NetSuite/transport/suiteql';
import { withQuery, idFromLocation } from '../../nodes/NetSuite/transport';

describe('keyset continuation query rewriting', () => {
	it('adds WHERE key > last before ORDER BY when there is no WHERE', () => {
		expect(withKeyAfter('SELECT id, name FROM customer ORDER BY id', 'id', 100)).toBe('SELECT id, name FROM customer WHERE id > 100 ORDER BY id');
	});

	it('wraps an existing WHERE in parentheses so OR keeps its meaning', () => {
		expect(withKeyAfter("SELECT id FROM transaction WHERE type = 'SalesOrd' OR type = 'CustInvc' ORDER BY id ASC", 'id', '7')).toBe(
			"SELECT id FROM transaction WHERE (type = 'SalesOrd' OR type = 'CustInvc') AND id > 7 ORDER BY id ASC",
		);
	});

	it('ignores keywords inside strings, quoted names and subqueries, and quotes non-numeric keys', () => {
		const q = "SELECT t.id FROM transaction t WHERE t.memo = 'see ORDER BY below' AND t.entity IN (SELECT id FROM customer WHERE x = 1 ORDER BY id) ORDER BY t.id";
		expect(scanClauses(q).orderBy).toBe('t.id');
		expect(withKeyAfter(q, 't.id', "A'B")).toBe(
			"SELECT t.id FROM transaction t WHERE (t.memo = 'see ORDER BY below' AND t.entity IN (SELECT id FROM customer WHERE x = 1 ORDER BY id)) AND t.id > 'A''B' ORDER BY t.id",
		);
	});

	it('knows whether a query is ordered by exactly the key, ascending', () => {
		expect(orderedByKey('SELECT id FROM x ORDER BY id', 'id')).toBe(true);
		expect(orderedByKey('SELECT id FROM x ORDER  BY  ID  asc;', 'id')).toBe(true);
		expect(orderedByKey('SELECT id FROM x ORDER BY id DESC', 'id')).toBe(false);
		expect(orderedByKey('SELECT id FROM x ORDER BY name, id', 'id')).toBe(false);
		expect(orderedByKey('SELECT id FROM x', 'id')).toBe(false);
	});
});

describe('URLs', () => {
	it('encodes the query RFC 3986 style so the signed and sent query are the same', () => {
		expect(withQuery('https://h/services/rest/record/v1/customer', { q: 'companyName IS "A B*"', limit: 5, empty: '' })).toBe(
			'https://h/services/rest/record/v1/customer?q=companyName%20IS%20%22A%20B%2A%22&limit=5',
		);
	});

	it('reads the new id from a Location header', () => {
		expect(idFromLocation('https://h/services/rest/record/v1/salesOrder/1234')).toBe('1234');
		expect(idFromLocation(undefined)).toBeUndefined();
	});
});
