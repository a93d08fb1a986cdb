import { Transform, type TransformCallback } from 'node:stream';
import { X12Tokenizer, type X12Event } from './tokenizer';

/**
 * Tokenizes X12 from chunks (Buffers split anywhere, even inside a multi-byte character, or strings) with
 * bounded memory. Yields the same events as `parseX12` on the concatenated input.
 */
export async function* tokenizeX12Stream(source: ChunkSource): AsyncGenerator<X12Event> {
	for await (const batch of tokenizeX12Batches(source)) yield* batch;
}

export type ChunkSource = AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>;

/**
 * Text per batch. A batch's events live until the consumer is done with them; batches this small stay in
 * V8's young generation, while one batch per 1 MiB read gets promoted and the collector takes most of the time.
 */
const BATCH_CHARS = 16 * 1024;

/** The same events in arrays of a few thousand: much cheaper than one await per segment on large files. */
export async function* tokenizeX12Batches(source: ChunkSource): AsyncGenerator<X12Event[]> {
	const decoder = new TextDecoder('utf-8');
	const tokenizer = new X12Tokenizer();
	for await (const chunk of source) {
		const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		for (let at = 0; at < text.length; at += BATCH_CHARS) {
			const events = tokenizer.write(text.length <= BATCH_CHARS ? text : text.slice(at, at + BATCH_CHARS));
			if (events.length > 0) yield events;
		}
	}
	const rest = decoder.decode();
	const events = rest ? tokenizer.write(rest) : [];
	events.push(...tokenizer.end());
	if (events.length > 0) yield events;
}

/** The same as a node:stream Transform: bytes or strings in, X12Event objects out (object mode). */
export function createX12TokenizerStream(): Transform {
	const decoder = new TextDecoder('utf-8');
	const tokenizer = new X12Tokenizer();
	return new Transform({
		readableObjectMode: true,
		transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback) {
			try {
				const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
				for (const event of tokenizer.write(text)) this.push(event);
				callback();
			} catch (error) {
				callback(error as Error);
			}
		},
		flush(callback: TransformCallback) {
			try {
				const rest = decoder.decode();
				if (rest) for (const event of tokenizer.write(rest)) this.push(event);
				for (const event of tokenizer.end()) this.push(event);
				callback();
			} catch (error) {
				callback(error as Error);
			}
		},
	});
}
