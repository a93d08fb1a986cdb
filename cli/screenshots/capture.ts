/** One workflow in the n8n editor as a PNG, logged in with the owner's auth cookie. */
import type { Browser } from './cdp';
import { blankReason, imageStats } from './png';

export interface CaptureOptions {
	/** n8n's base URL, e.g. http://127.0.0.1:5678 */
	baseUrl: string;
	/** `n8n-auth=<token>` as n8n's login sets it. */
	authCookie: string;
	width: number;
	height: number;
	timeoutMs?: number;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many canvas nodes the editor has drawn (sticky notes included). */
const COUNT_NODES = `document.querySelectorAll('[data-test-id="canvas-node"], [data-test-id="canvas-sticky-note-node"], .vue-flow__node').length`;

/**
 * Opens /workflow/<id>, waits until the canvas shows at least `nodes` nodes and has settled, and returns
 * the screenshot; throws when the page does not get there or the image is blank.
 */
export async function captureWorkflow(browser: Browser, options: CaptureOptions, workflowId: string, nodes: number): Promise<Buffer> {
	const { cdp } = browser;
	const timeoutMs = options.timeoutMs ?? 60_000;
	const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
	const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
	const send = <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}) => cdp.send<T>(method, params, sessionId);
	const evaluate = async <T>(expression: string): Promise<T> =>
		((await send<{ result: { value: T } }>('Runtime.evaluate', { expression, returnByValue: true })).result.value);
	try {
		await send('Page.enable');
		await send('Runtime.enable');
		await send('Network.enable');
		const [name, ...value] = options.authCookie.split('=');
		const { success } = await send<{ success: boolean }>('Network.setCookie', { name, value: value.join('='), url: options.baseUrl, httpOnly: true });
		if (!success) throw new Error('Chromium refused the n8n auth cookie');
		await send('Emulation.setDeviceMetricsOverride', { width: options.width, height: options.height, deviceScaleFactor: 1, mobile: false });
		const loaded = cdp.waitFor('the editor page to load', (event) => event.sessionId === sessionId && event.method === 'Page.loadEventFired', timeoutMs);
		await send('Page.navigate', { url: `${options.baseUrl}/workflow/${workflowId}` });
		await loaded;
		const deadline = Date.now() + timeoutMs;
		let drawn = 0;
		while ((drawn = await evaluate<number>(COUNT_NODES)) < nodes) {
			if (Date.now() > deadline) {
				const where = await evaluate<string>('location.pathname + " – " + document.title');
				throw new Error(`the editor drew ${drawn} of ${nodes} nodes of workflow ${workflowId} (${where})`);
			}
			await delay(250);
		}
		// Fit the whole workflow in view ("1" is the editor's zoom-to-fit key), then let the animation end.
		await send('Input.dispatchKeyEvent', { type: 'keyDown', key: '1', code: 'Digit1', text: '1', windowsVirtualKeyCode: 49 });
		await send('Input.dispatchKeyEvent', { type: 'keyUp', key: '1', code: 'Digit1', windowsVirtualKeyCode: 49 });
		await delay(1500);
		const { data } = await send<{ data: string }>('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false });
		const png = Buffer.from(data, 'base64');
		const stats = imageStats(png);
		const blank = blankReason(stats);
		if (blank) throw new Error(`the screenshot of workflow ${workflowId} looks blank: ${blank}`);
		if (stats.width !== options.width || stats.height !== options.height) {
			throw new Error(`the screenshot is ${stats.width}×${stats.height}, not ${options.width}×${options.height}`);
		}
		return png;
	} finally {
		await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
	}
}
