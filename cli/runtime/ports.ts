import { createServer } from 'node:net';

/** Ports handed out by this process recently; a port is not reused until it has been bound once. */
const handedOut = new Set<number>();

function probe(host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, host, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** A TCP port that is free on host right now and not yet given to another caller in this process. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = await probe(host);
		if (port > 0 && !handedOut.has(port)) {
			handedOut.add(port);
			return port;
		}
	}
	throw new Error(`no free port found on ${host}`);
}
