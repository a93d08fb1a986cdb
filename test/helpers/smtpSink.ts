/**
 * A tiny SMTP server for tests: accepts every message on 127.0.0.1 (no TLS, no auth) and keeps it,
 * parsed into headers, text/HTML bodies and attachments, so a test can read what n8n's Send Email
 * node sent. Plain RFC 5321 dialogue (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and RFC 2045/2046
 * MIME with base64 and quoted-printable parts; enough for nodemailer, nothing more.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface SinkAttachment {
	filename?: string;
	contentType: string;
	content: Buffer;
}

export interface SinkMessage {
	from: string;
	to: string[];
	headers: Record<string, string>;
	subject: string;
	text?: string;
	html?: string;
	attachments: SinkAttachment[];
	raw: string;
}

export interface SmtpSink {
	readonly port: number;
	readonly messages: SinkMessage[];
	/** Resolves once at least `count` messages arrived (rejects after `timeoutMs`). */
	waitFor(count: number, timeoutMs?: number): Promise<SinkMessage[]>;
	close(): Promise<void>;
}

interface Part {
	headers: Record<string, string>;
	body: string;
}

function splitHeaders(text: string): Part {
	const cut = text.search(/\r?\n\r?\n/);
	const head = cut < 0 ? text : text.slice(0, cut);
	const body = cut < 0 ? '' : text.slice(cut).replace(/^\r?\n\r?\n/, '');
	const headers: Record<string, string> = {};
	let last = '';
	for (const line of head.split(/\r?\n/)) {
		if (/^\s/.test(line) && last) headers[last] += ` ${line.trim()}`;
		else {
			const colon = line.indexOf(':');
			if (colon < 0) continue;
			last = line.slice(0, colon).trim().toLowerCase();
			headers[last] = line.slice(colon + 1).trim();
		}
	}
	return { headers, body };
}

function param(header: string | undefined, name: string): string | undefined {
	const match = new RegExp(`${name}\\*?=(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header ?? '');
	return match ? (match[1] ?? match[2]) : undefined;
}

function decodeBody(part: Part): Buffer {
	const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
	if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
	if (encoding === 'quoted-printable') {
		const soft = part.body.replace(/=\r?\n/g, '');
		const bytes: number[] = [];
		for (let i = 0; i < soft.length; i++) {
			if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
				bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
				i += 2;
			} else bytes.push(...Buffer.from(soft[i], 'utf8'));
		}
		return Buffer.from(bytes);
	}
	return Buffer.from(part.body, 'utf8');
}

/** Encoded-words in headers (=?utf-8?Q?…?= / =?utf-8?B?…?=). */
function decodeWords(value: string): string {
	return value.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=\s*/gi, (_m, _charset: string, kind: string, text: string) =>
		kind.toUpperCase() === 'B'
			? Buffer.from(text, 'base64').toString('utf8')
			: decodeBody({ headers: { 'content-transfer-encoding': 'quoted-printable' }, body: text.replace(/_/g, ' ') }).toString('utf8'),
	);
}

function walk(part: Part, message: SinkMessage): void {
	const type = (part.headers['content-type'] ?? 'text/plain').split(';')[0].trim().toLowerCase();
	if (type.startsWith('multipart/')) {
		const boundary = param(part.headers['content-type'], 'boundary');
		if (!boundary) return;
		// The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1), not to the part.
		const delimiter = new RegExp(`\\r?\\n--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
		const sections = `\r\n${part.body}`.split(delimiter).slice(1);
		for (const section of sections) {
			if (section.startsWith('--')) break;
			walk(splitHeaders(section.replace(/^[ \t]*\r?\n/, '')), message);
		}
		return;
	}
	const disposition = part.headers['content-disposition'] ?? '';
	const filename = param(disposition, 'filename') ?? param(part.headers['content-type'], 'name');
	const content = decodeBody(part);
	if (!/^attachment/i.test(disposition) && !filename && type === 'text/plain' && message.text === undefined) message.text = content.toString('utf8');
	else if (!/^attachment/i.test(disposition) && !filename && type === 'text/html' && message.html === undefined) message.html = content.toString('utf8');
	else message.attachments.push({ filename, contentType: type, content });
}

export function parseMessage(raw: string, from = '', to: string[] = []): SinkMessage {
	const top = splitHeaders(raw);
	const message: SinkMessage = { from, to, headers: top.headers, subject: decodeWords(top.headers.subject ?? ''), attachments: [], raw };
	walk(top, message);
	return message;
}

export async function startSmtpSink(): Promise<SmtpSink> {
	const messages: SinkMessage[] = [];
	const waiters: Array<() => void> = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
		let buffer = '';
		let data: string[] | undefined;
		let from = '';
		let to: string[] = [];
		const say = (line: string) => socket.write(`${line}\r\n`);
		say('220 sink.test ESMTP ready');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			let newline: number;
			while ((newline = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, newline);
				buffer = buffer.slice(newline + 2);
				if (data) {
					if (line === '.') {
						messages.push(parseMessage(data.join('\r\n'), from, to));
						data = undefined;
						from = '';
						to = [];
						say('250 2.0.0 queued');
						for (const wake of waiters.splice(0)) wake();
					} else data.push(line.startsWith('..') ? line.slice(1) : line);
					continue;
				}
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') socket.write('250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
				else if (verb === 'HELO') say('250 sink.test');
				else if (verb === 'MAIL') {
					from = /<([^>]*)>/.exec(line)?.[1] ?? '';
					say('250 2.1.0 ok');
				} else if (verb === 'RCPT') {
					to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
					say('250 2.1.5 ok');
				} else if (verb === 'DATA') {
					data = [];
					say('354 end with <CRLF>.<CRLF>');
				} else if (verb === 'RSET') {
					from = '';
					to = [];
					say('250 ok');
				} else if (verb === 'NOOP') say('250 ok');
				else if (verb === 'QUIT') {
					say('221 bye');
					socket.end();
				} else say('502 5.5.2 command not implemented');
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		port,
		messages,
		async waitFor(count, timeoutMs = 60_000) {
			const deadline = Date.now() + timeoutMs;
			while (messages.length < count) {
				const left = deadline - Date.now();
				if (left <= 0) throw new Error(`SMTP sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`);
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, left);
					waiters.push(() => {
						clearTimeout(timer);
						resolve();
					});
				});
			}
			return messages.slice(0, count);
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
