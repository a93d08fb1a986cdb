import { Prng } from '../core/prng';

export type StripeObject = Record<string, unknown> & { id: string; object: string; created?: number };

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The collections a list or search endpoint serves; the key is the admin collection name. */
export const COLLECTIONS = [
	'customers',
	'products',
	'prices',
	'subscriptions',
	'invoices',
	'invoiceitems',
	'credit_notes',
	'billing_meters',
	'meter_events',
	'webhook_endpoints',
	'events',
	'payment_intents',
	'charges',
	'invoice_payments',
] as const;
export type Collection = (typeof COLLECTIONS)[number];

/**
 * In-memory objects per collection in creation order (lists serve them newest first, as Stripe
 * does). Ids are `prefix_` plus 14 characters from a seeded stream, so a seed gives the same ids.
 */
export class StripeStore {
	private readonly data = new Map<Collection, Map<string, StripeObject>>();
	private ids = new Prng(1);
	private sequence = 0;

	reset(seed: number): void {
		this.data.clear();
		for (const name of COLLECTIONS) this.data.set(name, new Map());
		this.ids = Prng.from(seed, 'stripe:ids');
		this.sequence = 0;
	}

	newId(prefix: string): string {
		let suffix = '';
		for (let i = 0; i < 14; i++) suffix += ALPHABET[this.ids.int(0, ALPHABET.length - 1)];
		return `${prefix}_${suffix}`;
	}

	/** A monotonically increasing number (invoice numbers, request ids). */
	next(): number {
		return ++this.sequence;
	}

	all(collection: Collection): StripeObject[] {
		return [...(this.data.get(collection)?.values() ?? [])];
	}

	get(collection: Collection, id: string): StripeObject | undefined {
		return this.data.get(collection)?.get(id);
	}

	put(collection: Collection, record: StripeObject): StripeObject {
		this.data.get(collection)?.set(record.id, record);
		return record;
	}

	remove(collection: Collection, id: string): boolean {
		return this.data.get(collection)?.delete(id) ?? false;
	}
}

/** A deep copy, so callers never hold the stored object. */
export function clone<T>(value: T): T {
	return structuredClone(value);
}
