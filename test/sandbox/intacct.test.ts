import { startSandbox, type IntacctPlugin, type RunningSandbox } from '../../sandbox';
import { parseQuery } from '../../sandbox/intacct';

let sandbox: RunningSandbox;
let now = new Date('2026-02-01T10:00:00Z');

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['intacct'], seed: 5, now: () => now, intacct: { sessionTimeoutMs: 60_000 } });
});
afterAll(async () => await sandbox.close());

const c = () => sandbox.systems.intacct.credentials;

function envelope(auth: string, functions: string, control: { senderPassword?: string; controlId?: string; uniqueId?: boolean } = {}, transaction = false): string {
	return `<?xml version="1.0" encoding="UTF-8"?><request><control><senderid>${c().senderId}</senderid><password>${control.senderPassword ?? c().senderPassword.replace(/&/g, '&amp;')}</password><controlid>${control.controlId ?? 'ctl'}</controlid><uniqueid>${control.uniqueId ? 'true' : 'false'}</uniqueid><dtdversion>3.0</dtdversion></control><operation transaction="${transaction}"><authentication>${auth}</authentication><content>${functions}</content></operation></request>`;
}
const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const login = (password = c().userPassword) => `<login><userid>${c().userId}</userid><companyid>${c().companyId}</companyid><password>${esc(password)}</password></login>`;

async function post(body: string): Promise<{ status: number; text: string }> {
	const res = await fetch(c().endpointUrl, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body });
	return { status: res.status, text: await res.text() };
}
const tag = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

async function session(): Promise<string> {
	const { text } = await post(envelope(login(), '<function controlid="s"><getAPISession/></function>'));
	return tag(text, 'sessionid')[0];
}

describe('Sage Intacct sandbox gateway', () => {
	it('answers getAPISession with a session, the endpoint and the session timeout', async () => {
		const { status, text } = await post(envelope(login(), '<function controlid="s"><getAPISession/></function>'));
		expect(status).toBe(200);
		expect(text).toMatch(/<control><status>success<\/status><senderid>erpinterop_sandbox<\/senderid><controlid>ctl<\/controlid>/);
		expect(text).toMatch(/<authentication><status>success<\/status>.*<sessiontimeout>2026-02-01T10:01:00.000Z<\/sessiontimeout>/);
		expect(tag(text, 'endpoint')[0]).toBe(c().endpointUrl);
		expect(tag(text, 'sessionid')[0]).toMatch(/\.\.$/);
	});

	it('refuses a wrong sender password at control level and a wrong user password at authentication level', async () => {
		const sender = await post(envelope(login(), '<function controlid="s"><getAPISession/></function>', { senderPassword: 'nope' }));
		expect(sender.text).toMatch(/<control><status>failure<\/status>.*<\/control><errormessage><error><errorno>XL03000006<\/errorno>/);
		expect(sender.text).not.toContain('<operation>');
		const user = await post(envelope(login('wrong'), '<function controlid="s"><getAPISession/></function>'));
		expect(user.text).toMatch(/<control><status>success<\/status>/);
		expect(user.text).toMatch(/<authentication><status>failure<\/status>.*<\/authentication><errormessage><error><errorno>XL03000006<\/errorno><description>Sign-in information is incorrect/);
		expect(user.text).not.toContain('<result>');
	});

	it('expires idle sessions after the configured timeout', async () => {
		const id = await session();
		const call = () => post(envelope(`<sessionid>${id}</sessionid>`, '<function controlid="r"><read><object>VENDOR</object><keys>1</keys></read></function>'));
		expect((await call()).text).toContain('<status>success</status>');
		now = new Date(now.getTime() + 61_000);
		const expired = await call();
		expect(expired.text).toMatch(/<authentication><status>failure<\/status>/);
	});

	it('pages readByQuery with resultId and numremaining until every record was read once', async () => {
		const id = await session();
		const auth = `<sessionid>${id}</sessionid>`;
		const first = await post(envelope(auth, "<function controlid=\"q\"><readByQuery><object>CUSTOMER</object><fields>RECORDNO</fields><query>STATUS = 'T'</query><pagesize>100</pagesize></readByQuery></function>"));
		const total = Number(/totalcount="(\d+)"/.exec(first.text)?.[1]);
		const seen = tag(first.text, 'RECORDNO');
		let text = first.text;
		let pages = 1;
		while (Number(/numremaining="(\d+)"/.exec(text)?.[1]) > 0) {
			const resultId = /resultId="([^"]+)"/.exec(text)?.[1] as string;
			text = (await post(envelope(auth, `<function controlid="m"><readMore><resultId>${resultId}</resultId></readMore></function>`))).text;
			seen.push(...tag(text, 'RECORDNO'));
			pages++;
		}
		const active = sandbox.records<{ RECORDNO: string; STATUS: string }>('intacct', 'CUSTOMER').filter((r) => r.STATUS === 'active');
		expect(total).toBe(active.length);
		expect(pages).toBe(Math.ceil(active.length / 100));
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.sort()).toEqual(active.map((r) => r.RECORDNO).sort());
		expect(first.text).toContain('<data listtype="customer"');
	});

	it('reports each function of a multi-function request on its own, and rolls all back in a transaction', async () => {
		const id = await session();
		const fns = (prefix: string) =>
			`<function controlid="0"><create><CUSTOMER><CUSTOMERID>${prefix}-1</CUSTOMERID><NAME>One</NAME></CUSTOMER></create></function>` +
			'<function controlid="1"><create><CUSTOMER><CUSTOMERID>X</CUSTOMERID></CUSTOMER></create></function>' +
			`<function controlid="2"><create><CUSTOMER><CUSTOMERID>${prefix}-2</CUSTOMERID><NAME>Two</NAME></CUSTOMER></create></function>`;
		const partial = await post(envelope(`<sessionid>${id}</sessionid>`, fns('P')));
		expect(tag(partial.text, 'status')).toEqual(['success', 'success', 'success', 'failure', 'success']);
		expect(partial.text).toMatch(/<controlid>1<\/controlid><errormessage><error><errorno>BL03000018<\/errorno><description\/><description2>Required field NAME is missing/);
		const whole = await post(envelope(`<sessionid>${id}</sessionid>`, fns('T'), {}, true));
		expect(tag(whole.text, 'status')).toEqual(['success', 'success', 'aborted', 'failure', 'aborted']);
		expect(whole.text).toContain('XL03000009');
		const ids = sandbox.records<{ CUSTOMERID: string }>('intacct', 'CUSTOMER').map((r) => r.CUSTOMERID);
		expect(ids).toEqual(expect.arrayContaining(['P-1', 'P-2']));
		expect(ids.some((i) => i.startsWith('T-'))).toBe(false);
	});

	it('refuses a replayed control ID when uniqueid is true', async () => {
		const id = await session();
		const body = envelope(`<sessionid>${id}</sessionid>`, '<function controlid="0"><create><VENDOR><VENDORID>V-U1</VENDORID><NAME>U</NAME></VENDOR></create></function>', { controlId: 'once-1', uniqueId: true });
		expect((await post(body)).text).toContain('<status>success</status><function>create</function>');
		const again = await post(body);
		expect(again.text).toMatch(/<control><status>failure<\/status>.*<errorno>XL03000011<\/errorno>/);
		expect(sandbox.records<{ VENDORID: string }>('intacct', 'VENDOR').filter((v) => v.VENDORID === 'V-U1')).toHaveLength(1);
	});

	it('answers a schema error for malformed XML and refuses DOCTYPEs', async () => {
		expect((await post('<request><control>')).text).toContain('<errorno>XL03000003</errorno>');
		expect((await post('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><request/>')).text).toContain('<errorno>XL03000003</errorno>');
	});

	it('limits concurrent requests per company with a 429 GW-0010', async () => {
		sandbox.setFaults({ latencyMs: 150 }, 'intacct');
		try {
			const results = await Promise.all([1, 2, 3].map(() => post(envelope(login(), '<function controlid="s"><getAPISession/></function>'))));
			const limited = results.filter((r) => r.status === 429);
			expect(limited).toHaveLength(1);
			expect(limited[0].text).toContain('<errorno>GW-0010</errorno>');
		} finally {
			sandbox.clearFaults();
		}
	});

	it('is deterministic per seed', async () => {
		const other = await startSandbox({ systems: ['intacct'], seed: 5 });
		try {
			expect(other.records('intacct', 'ARINVOICE')).toEqual(sandbox.records('intacct', 'ARINVOICE'));
		} finally {
			await other.close();
		}
		expect((sandbox.plugin<IntacctPlugin>('intacct')).collections()).toContain('SODOCUMENT');
	});
});

describe('readByQuery query language', () => {
	const rows = [
		{ RECORDNO: '1', NAME: "O'Brien Supply", STATUS: 'active', WHENMODIFIED: '01/05/2026 10:00:00', TOTAL: '10.5' },
		{ RECORDNO: '2', NAME: 'Beacon', STATUS: 'inactive', WHENMODIFIED: '12/31/2025 23:59:59', TOTAL: '9' },
	];
	it.each([
		["STATUS = 'T'", ['1']],
		["WHENMODIFIED >= '01/01/2026 00:00:00'", ['1']],
		["NAME LIKE 'o\\'b%'", ['1']],
		["NAME IN ('Beacon', 'Other') OR TOTAL > 10", ['1', '2']],
		['TOTAL > 9.5 AND NOT (STATUS = \'F\')', ['1']],
		['NAME IS NOT NULL', ['1', '2']],
	])('%s', (query, expected) => {
		expect(rows.filter(parseQuery(query)).map((r) => r.RECORDNO)).toEqual(expected);
	});
});
