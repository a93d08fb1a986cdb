import { main } from '../../cli';
import { parseArgs, numberFlag } from '../../cli/args';

function capture(stream: 'stdout' | 'stderr') {
	const chunks: string[] = [];
	const spy = jest.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
		chunks.push(String(chunk));
		return true;
	});
	return { text: () => chunks.join(''), restore: () => spy.mockRestore() };
}

describe('erp-interop CLI', () => {
	it('lists every command with --help', async () => {
		const out = capture('stdout');
		const code = await main(['--help']);
		out.restore();
		expect(code).toBe(0);
		expect(out.text()).toMatch(/demo\s+sandbox \+ a real n8n/);
		expect(out.text()).toMatch(/sandbox\s+start the local vendor sandbox/);
	});

	it.each(['demo', 'sandbox'])('prints the usage of %s with --help and starts nothing', async (command) => {
		const out = capture('stdout');
		const code = await main([command, '--help']);
		out.restore();
		expect(code).toBe(0);
		expect(out.text()).toContain(`erp-interop ${command} [options]`);
		expect(out.text()).toContain('Options:');
	});

	it('rejects an unknown command with exit code 2', async () => {
		const err = capture('stderr');
		const code = await main(['frobnicate']);
		err.restore();
		expect(code).toBe(2);
		expect(err.text()).toContain('unknown command "frobnicate"');
	});

	it('parses flags, values and positionals', () => {
		const parsed = parseArgs(['x', '--port', '4010', '--exit', '--name=a=b', '--', '--raw'], ['exit']);
		expect(parsed).toEqual({ positionals: ['x', '--raw'], flags: { port: '4010', exit: true, name: 'a=b' } });
		expect(numberFlag(parsed.flags, 'port', 1)).toBe(4010);
		expect(numberFlag(parsed.flags, 'missing', 7)).toBe(7);
		expect(() => numberFlag({ port: 'abc' }, 'port', 1)).toThrow('--port expects a number');
	});
});
