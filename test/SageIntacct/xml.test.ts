import nock from 'nock';

import { buildFragment, parseUnguarded, parseXml, XmlError } from '../../nodes/SageIntacct/transport/xml';
import { parseResponse } from '../../nodes/SageIntacct/transport';
import { useNock } from '../helpers/fakeContext';
import { run } from './helpers';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<response><control><status>&lol4;</status></control></response>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<response><control><status>&xxe;</status></control></response>`;

describe('XML safety', () => {
	it.each([
		['billion laughs', BILLION_LAUGHS],
		['external entity', XXE],
	])('refuses a %s document before parsing', (_name, xml) => {
		expect(() => parseXml(xml)).toThrow(XmlError);
		expect(() => parseXml(xml)).toThrow(/DOCTYPE or entity declaration is refused/);
	});

	it.each([
		['billion laughs', BILLION_LAUGHS],
		['external entity', XXE],
	])('the parser itself does not expand a %s entity (second wall)', (_name, xml) => {
		let parsed: unknown;
		try {
			parsed = parseUnguarded(xml);
		} catch (error) {
			// sax in strict mode refuses the undeclared entity reference: nothing is expanded.
			expect(String(error)).toMatch(/entity/i);
			return;
		}
		const text = JSON.stringify(parsed);
		expect(text).not.toContain('lollol');
		expect(text).not.toContain('root:');
	});

	it('keeps values as strings and empty elements as ""', () => {
		const doc = parseXml('<r><a>00120</a><b>1.10</b><c/><d>true</d></r>');
		expect(doc).toEqual({ r: { a: '00120', b: '1.10', c: '', d: 'true' } });
	});

	it('normalises one or many records to arrays in a response', () => {
		const one = parseResponse(
			'<response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result><status>success</status><function>readByQuery</function><controlid>q</controlid><data listtype="customer" count="1" totalcount="3" numremaining="2" resultId="r1"><customer><RECORDNO>7</RECORDNO></customer></data></result></operation></response>',
		);
		expect(one.results[0]).toMatchObject({ records: [{ RECORDNO: '7' }], totalCount: 3, numRemaining: 2, resultId: 'r1' });
	});

	it('escapes values and refuses keys that are not element names', () => {
		expect(buildFragment('create', { CUSTOMER: { NAME: 'A & B <Co>' } })).toBe('<create><CUSTOMER><NAME>A &amp; B &lt;Co&gt;</NAME></CUSTOMER></create>');
		expect(() => buildFragment('create', { CUSTOMER: { 'NAME><x': 'v' } })).toThrow(/not a valid XML element name/);
	});
});

describe('the request on the wire', () => {
	useNock();
	const HOST = 'https://gw.intacct.example';
	const credentials = () => ({
		endpointUrl: `${HOST}/ia/xml/xmlgw.phtml`,
		senderId: 'snd',
		senderPassword: 'Snd&Secret<1>',
		companyId: 'ACME',
		entityId: '',
		userId: 'api',
		userPassword: 'Usr-Secret-2',
		maxConcurrent: 2,
		sessionToken: '',
		sessionEndpoint: '',
		sessionCreatedAt: 0,
		sessionExpiresAt: 0,
	});
	const ok = (inner: string) =>
		`<?xml version="1.0" encoding="UTF-8"?><response><control><status>success</status><senderid>snd</senderid><controlid>x</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control><operation><authentication><status>success</status><userid>api</userid><companyid>ACME</companyid><sessiontimestamp>2026-01-01T00:00:00Z</sessiontimestamp><sessiontimeout>2099-01-01T00:00:00Z</sessiontimeout></authentication>${inner}</operation></response>`;

	it('signs in with getAPISession, then sends the session (not the password) to the session endpoint', async () => {
		const bodies: string[] = [];
		nock(HOST)
			.post('/ia/xml/xmlgw.phtml', (body: string) => bodies.push(body) > 0)
			.reply(200, ok('<result><status>success</status><function>getAPISession</function><controlid>getAPISession</controlid><data><api><sessionid>SESS-123</sessionid><endpoint>https://gw.intacct.example/ia/xml/xmlgw2.phtml</endpoint><locationid/></api></data></result>'));
		nock(HOST)
			.post('/ia/xml/xmlgw2.phtml', (body: string) => bodies.push(body) > 0)
			.reply(200, ok('<result><status>success</status><function>read</function><controlid>get</controlid><data listtype="CUSTOMER" count="1"><CUSTOMER><RECORDNO>9</RECORDNO><NAME>X</NAME></CUSTOMER></data></result>'));
		const creds = credentials();
		const { json, output } = await run({ resource: 'record', operation: 'get', object: 'CUSTOMER', lookupBy: 'recordNo', key: '9', options: {} }, { credentials: creds });
		expect(json).toEqual([{ RECORDNO: '9', NAME: 'X' }]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		const [login, call] = bodies;
		expect(login).toContain('<senderid>snd</senderid><password>Snd&amp;Secret&lt;1&gt;</password>');
		expect(login).toContain('<login><userid>api</userid><companyid>ACME</companyid><password>Usr-Secret-2</password></login>');
		expect(login).toContain('<getAPISession/>');
		expect(call).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><request><control><senderid>snd<\/senderid>/);
		expect(call).toContain('<authentication><sessionid>SESS-123</sessionid></authentication>');
		expect(call).toContain('<function controlid="get"><read><object>CUSTOMER</object><keys>9</keys><fields>*</fields></read></function>');
		expect(call).not.toContain('Usr-Secret-2');
		expect(creds.sessionEndpoint).toBe('https://gw.intacct.example/ia/xml/xmlgw2.phtml');
	});

	it('never follows a session endpoint on another host', async () => {
		nock(HOST)
			.post('/ia/xml/xmlgw.phtml')
			.reply(200, ok('<result><status>success</status><function>getAPISession</function><controlid>getAPISession</controlid><data><api><sessionid>S</sessionid><endpoint>https://evil.example/steal</endpoint></api></data></result>'));
		nock(HOST)
			.post('/ia/xml/xmlgw.phtml')
			.reply(200, ok('<result><status>success</status><function>read</function><controlid>get</controlid><data listtype="CUSTOMER" count="1"><CUSTOMER><RECORDNO>1</RECORDNO></CUSTOMER></data></result>'));
		const creds = credentials();
		await run({ resource: 'record', operation: 'get', object: 'CUSTOMER', lookupBy: 'recordNo', key: '1', options: {} }, { credentials: creds });
		expect(creds.sessionEndpoint).toBe(`${HOST}/ia/xml/xmlgw.phtml`);
		expect(nock.isDone()).toBe(true);
	});

	it('turns a non-XML answer into an error that points at the endpoint', async () => {
		nock(HOST).post('/ia/xml/xmlgw.phtml').reply(200, '<html>proxy login</html');
		await expect(
			run({ resource: 'record', operation: 'get', object: 'CUSTOMER', lookupBy: 'recordNo', key: '1', options: {} }, { credentials: credentials() }),
		).rejects.toThrow(/Signing in to Sage Intacct failed/);
	});
});
