/** The test SMTP sink: the SMTP dialogue a client has with it, and how it takes a MIME message apart. */
import { connect } from 'node:net';

import { parseMessage, startSmtpSink, type SmtpSink } from './smtpSink';

const MESSAGE = [
	'From: n8n@northwind.example',
	'To: cfo@northwind.example',
	'Subject: =?UTF-8?Q?Rebate_approval_=E2=80=94_Alpha?=',
	'MIME-Version: 1.0',
	'Content-Type: multipart/mixed; boundary="--outer"',
	'',
	'----outer',
	'Content-Type: multipart/alternative; boundary="inner"',
	'',
	'--inner',
	'Content-Type: text/plain; charset=utf-8',
	'',
	'Plain text',
	'--inner',
	'Content-Type: text/html; charset=utf-8',
	'Content-Transfer-Encoding: quoted-printable',
	'',
	'<p><a href=3D"http://127.0.0.1:5678/form-waiting/42">Approve</a> =E2=80=94 a long line that=',
	' continues</p>',
	'--inner--',
	'----outer',
	'Content-Type: text/html; name=report.html',
	'Content-Disposition: attachment; filename="report.html"',
	'Content-Transfer-Encoding: base64',
	'',
	Buffer.from('<!DOCTYPE html><h1>Report</h1>').toString('base64'),
	'----outer--',
].join('\r\n');

describe('the SMTP sink', () => {
	let sink: SmtpSink;
	beforeAll(async () => {
		sink = await startSmtpSink();
	});
	afterAll(async () => await sink.close());

	it('parses nested multipart with quoted-printable and base64 parts and encoded-word subjects', () => {
		const message = parseMessage(MESSAGE);
		expect(message.subject).toBe('Rebate approval — Alpha');
		expect(message.text).toBe('Plain text');
		expect(message.html).toBe('<p><a href="http://127.0.0.1:5678/form-waiting/42">Approve</a> — a long line that continues</p>');
		expect(message.attachments).toEqual([{ filename: 'report.html', contentType: 'text/html', content: Buffer.from('<!DOCTYPE html><h1>Report</h1>') }]);
	});

	it('accepts a message over SMTP, undoing dot-stuffing, and wakes waiters', async () => {
		const waiting = sink.waitFor(1, 5_000);
		const replies: string[] = [];
		await new Promise<void>((resolve, reject) => {
			const socket = connect(sink.port, '127.0.0.1');
			const script = ['EHLO client.test', 'MAIL FROM:<a@x.test>', 'RCPT TO:<b@y.test>', 'RCPT TO:<c@y.test>', 'DATA', 'Subject: hi\r\n\r\n..leading dot\r\nbody\r\n.', 'QUIT'];
			let buffer = '';
			socket.on('data', (chunk) => {
				buffer += chunk.toString('utf8');
				// One command per complete reply (multi-line EHLO replies end with "250 ").
				while (/^\d{3} .*\r\n/m.test(buffer)) {
					const end = buffer.search(/^\d{3} .*\r\n/m);
					const line = buffer.slice(end).split('\r\n')[0];
					replies.push(line);
					buffer = buffer.slice(end + line.length + 2);
					const next = script.shift();
					if (next !== undefined) socket.write(`${next}\r\n`);
				}
			});
			socket.on('close', () => resolve());
			socket.on('error', reject);
		});
		const [message] = await waiting;
		expect(replies.map((r) => r.slice(0, 3))).toEqual(['220', '250', '250', '250', '250', '354', '250', '221']);
		expect([message.from, message.to, message.subject, message.text]).toEqual(['a@x.test', ['b@y.test', 'c@y.test'], 'hi', '.leading dot\r\nbody']);
	});
});
