import { empty, json } from '../core/http';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { NS_MAX_PAGE, NS_OFFSET_CAP } from './constants';
import { fail, invalidParameter, nonexistentId, nsError, userError } from './errors';
import { cents, lineAmounts, type NsLine } from './lines';
import { matchQ, parseQ, QFilterError } from './qfilter';
import { isoSeconds } from './seed';
import type { NsStore } from './store';
import { RECORD_TYPES, TRANSFORMS, type NsRecord, type RecordTypeDef } from './types';

export type ChangeKind = 'create' | 'edit' | 'delete';

export interface RecordEngineHost {
	store: NsStore;
	now(): Date;
	onChange(kind: ChangeKind, type: string, record: NsRecord): void;
}

const ITEM_TYPES = ['inventoryItem', 'nonInventorySaleItem'];
const READ_ONLY = new Set(['id', 'links', 'lastModifiedDate', 'dateCreated', 'tranId', 'total', 'subtotal', 'amountRemaining']);

function def(type: string): RecordTypeDef {
	// Record type ids are case-insensitive in the URL, as NetSuite treats them.
	const found = Object.values(RECORD_TYPES).find((d) => d.type.toLowerCase() === type.toLowerCase());
	if (!found) fail(nsError(400, 'INVALID_RCRD_TYPE', `Record type '${type}' does not exist.`, { 'o:errorUrl': type }));
	return found;
}

/** Paging parameters as NetSuite validates them: limit 1..1000, offset a multiple of limit, below the cap. */
export function pageParams(req: SandboxRequest): { limit: number; offset: number } {
	const rawLimit = req.query.get('limit');
	const rawOffset = req.query.get('offset');
	const limit = rawLimit === null ? NS_MAX_PAGE : Number(rawLimit);
	const offset = rawOffset === null ? 0 : Number(rawOffset);
	if (!Number.isInteger(limit) || limit < 1 || limit > NS_MAX_PAGE) {
		fail(invalidParameter(`Invalid value for the 'limit' query parameter: ${rawLimit}. The value must be an integer from 1 to ${NS_MAX_PAGE}.`, 'limit'));
	}
	if (!Number.isInteger(offset) || offset < 0) fail(invalidParameter(`Invalid value for the 'offset' query parameter: ${rawOffset}.`, 'offset'));
	if (offset % limit !== 0) fail(invalidParameter(`The 'offset' query parameter must be a multiple of 'limit' (${limit}).`, 'offset'));
	if (offset >= NS_OFFSET_CAP) {
		fail(
			invalidParameter(
				`Invalid value for the 'offset' query parameter: ${offset}. A query can return at most ${NS_OFFSET_CAP} results; the offset must be less than ${NS_OFFSET_CAP}.`,
				'offset',
			),
		);
	}
	return { limit, offset };
}

/** `links` of a page: self, first, prev, next, last, on the same URL with another offset. */
export function pageLinks(req: SandboxRequest, offset: number, limit: number, total: number): Array<{ rel: string; href: string }> {
	const at = (o: number) => {
		const url = new URL(req.url.toString());
		url.searchParams.set('limit', String(limit));
		url.searchParams.set('offset', String(o));
		return url.toString();
	};
	const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
	const links = [{ rel: 'first', href: at(0) }];
	if (offset > 0) links.push({ rel: 'previous', href: at(Math.max(0, offset - limit)) });
	if (offset + limit < total) links.push({ rel: 'next', href: at(offset + limit) });
	links.push({ rel: 'last', href: at(last) }, { rel: 'self', href: req.url.toString() });
	return links;
}

export class RecordEngine {
	constructor(private readonly host: RecordEngineHost) {}

	private recordUrl(req: SandboxRequest, type: string, id: string): string {
		return `${req.baseUrl}/services/rest/record/v1/${type}/${id}`;
	}

	private refName(id: string): string | undefined {
		for (const type of ['customer', 'vendor', ...ITEM_TYPES, 'location', 'subsidiary']) {
			const r = this.host.store.get(type, id);
			if (r) return String(r.companyName ?? r.itemId ?? r.name ?? id);
		}
		return undefined;
	}

	/** A record as GET returns it: links, references with refName, sublists collapsed unless expanded. */
	present(req: SandboxRequest, type: string, record: NsRecord, expand: boolean, fields?: string[]): Record<string, unknown> {
		const out: Record<string, unknown> = { links: [{ rel: 'self', href: this.recordUrl(req, type, record.id) }] };
		for (const [key, value] of Object.entries(record)) {
			if (value === undefined || key.startsWith('__')) continue;
			if (fields && key !== 'id' && !fields.includes(key.toLowerCase())) continue;
			if (value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items)) {
				const href = `${this.recordUrl(req, type, record.id)}/${key}`;
				out[key] = expand
					? { links: [{ rel: 'self', href }], items: ((value as { items: NsLine[] }).items).map((line) => this.presentLine(line)), totalResults: (value as { items: unknown[] }).items.length }
					: { links: [{ rel: 'self', href }] };
			} else if (value && typeof value === 'object' && 'id' in (value as object) && !('refName' in (value as object))) {
				const id = String((value as { id: unknown }).id);
				const name = key === 'currency' ? 'USD' : this.refName(id);
				out[key] = { id, ...(name ? { refName: name } : {}) };
			} else {
				out[key] = value;
			}
		}
		return out;
	}

	private presentLine(line: NsLine): Record<string, unknown> {
		const out: Record<string, unknown> = { links: [] };
		for (const [key, value] of Object.entries(line)) {
			if (value && typeof value === 'object' && 'id' in (value as object)) {
				const id = String((value as { id: unknown }).id);
				const name = this.refName(id);
				out[key] = { id, ...(name ? { refName: name } : {}) };
			} else out[key] = value;
		}
		return out;
	}

	/** `123` or `eid:ABC`; anything else is refused naming the id. */
	private resolve(type: string, rawId: string): NsRecord | undefined {
		if (rawId.toLowerCase().startsWith('eid:')) return this.host.store.byExternalId(type, rawId.slice(4));
		if (!/^\d+$/.test(rawId)) fail(nsError(400, 'INVALID_ID', `Invalid record instance ID '${rawId}'. The ID must be a positive integer or eid:<external ID>.`, { 'o:errorUrl': rawId }));
		return this.host.store.get(type, rawId);
	}

	list(req: SandboxRequest, type: string): SandboxResponse {
		const d = def(type);
		const { limit, offset } = pageParams(req);
		let records = this.host.store.all(d.type);
		const q = req.query.get('q');
		if (q) {
			try {
				const tree = parseQ(q);
				const known = new Set(['id', 'externalid', 'lastmodifieddate', 'datecreated', ...records.flatMap((r) => Object.keys(r).map((k) => k.toLowerCase()))]);
				records = records.filter((r) => matchQ(tree, r, (f) => known.has(f.toLowerCase())));
			} catch (error) {
				if (error instanceof QFilterError) fail(invalidParameter(`Invalid search query: ${error.message}.`, 'q'));
				throw error;
			}
		}
		const page = records.slice(offset, offset + limit);
		return json(
			200,
			{
				links: pageLinks(req, offset, limit, records.length),
				count: page.length,
				hasMore: offset + page.length < records.length,
				items: page.map((r) => ({ links: [{ rel: 'self', href: this.recordUrl(req, d.type, r.id) }], id: r.id })),
				offset,
				totalResults: records.length,
			},
			{ 'Content-Type': 'application/vnd.oracle.resource+json; type=collection; charset=UTF-8' },
		);
	}

	get(req: SandboxRequest, type: string, rawId: string): SandboxResponse {
		const d = def(type);
		const record = this.resolve(d.type, rawId);
		if (!record) return nonexistentId(d.type, rawId);
		const fields = req.query.get('fields')?.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
		return json(200, this.present(req, d.type, record, req.query.get('expandSubResources') === 'true', fields), {
			'Content-Type': 'application/vnd.oracle.resource+json; type=singular; charset=UTF-8',
		});
	}

	private body(req: SandboxRequest): Record<string, unknown> {
		const parsed = req.json();
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) fail(nsError(400, 'INVALID_CONTENT', 'The request body must be a JSON object.'));
		return parsed as Record<string, unknown>;
	}

	/** Applies request fields to a record, validating references and lines as NetSuite would. */
	private apply(d: RecordTypeDef, target: NsRecord, body: Record<string, unknown>, replace: string[]): void {
		for (const [key, value] of Object.entries(body)) {
			if (READ_ONLY.has(key)) continue;
			const refType = d.refs?.[key];
			if (refType && value !== null) {
				const id = String((value as { id?: unknown })?.id ?? '');
				if (!this.host.store.get(refType, id)) fail(userError(`Invalid ${key} reference key ${id}.`, key));
				target[key] = { id };
				continue;
			}
			if (d.lines && key === d.lines) {
				const items = (value as { items?: unknown })?.items;
				if (!Array.isArray(items)) fail(nsError(400, 'INVALID_CONTENT', `The ${key} sublist must be an object with an items array.`, { 'o:errorPath': key }));
				const lines = (items as NsLine[]).map((line, index) => this.checkLine(d, key, line, index));
				const existing = replace.includes(key) ? [] : (((target[key] as { items?: NsLine[] })?.items ?? []) as NsLine[]);
				const merged = [...existing, ...lines].map((line, index) => ({ ...line, line: index + 1 }));
				if (d.lines === 'item') {
					const computed = lineAmounts(merged);
					target[key] = { items: computed.items };
					target.subtotal = computed.total;
					target.total = computed.total;
				} else {
					target[key] = { items: merged };
				}
				continue;
			}
			if (key === 'externalId' && value !== null) {
				const other = this.host.store.byExternalId(d.type, String(value));
				if (other && other.id !== target.id) fail(nsError(400, 'DUP_RCRD', `A record with external ID '${String(value)}' already exists.`, { 'o:errorPath': 'externalId' }));
			}
			target[key] = value === null ? undefined : value;
		}
	}

	private checkLine(d: RecordTypeDef, key: string, line: NsLine, index: number): NsLine {
		const path = `${key}.items[${index}]`;
		if (typeof line !== 'object' || line === null) fail(nsError(400, 'INVALID_CONTENT', `Line ${index + 1} must be an object.`, { 'o:errorPath': path }));
		if (d.lines === 'apply') return { ...line };
		if (d.lines === 'inventory') return this.checkInventoryLine(path, line, index);
		const id = String(line.item?.id ?? '');
		if (!id) fail(userError(`Please enter value(s) for: Item (line ${index + 1}).`, `${path}.item`));
		const item = ITEM_TYPES.map((t) => this.host.store.get(t, id)).find(Boolean);
		if (!item) fail(userError(`Invalid item reference key ${id}.`, `${path}.item`));
		const quantity = line.quantity === undefined ? 1 : Number(line.quantity);
		if (!Number.isFinite(quantity) || quantity <= 0) fail(userError(`Invalid quantity ${String(line.quantity)} on line ${index + 1}.`, `${path}.quantity`));
		const rate = line.rate !== undefined ? Number(line.rate) : Number(d.type === 'purchaseOrder' || d.type === 'vendorBill' ? item.cost : item.salesPrice);
		return { ...line, item: { id }, quantity, rate: cents(rate) / 100 };
	}

	/** An inventory adjustment line: an inventory item, a location and a non-zero `adjustQtyBy`. */
	private checkInventoryLine(path: string, line: NsLine, index: number): NsLine {
		const id = String(line.item?.id ?? '');
		if (!this.host.store.get('inventoryItem', id)) fail(userError(`Invalid item reference key ${id || '(empty)'} (line ${index + 1}).`, `${path}.item`));
		const location = String((line.location as { id?: unknown } | undefined)?.id ?? '');
		if (!this.host.store.get('location', location)) fail(userError(`Please enter a valid location (line ${index + 1}).`, `${path}.location`));
		const by = Number(line.adjustQtyBy);
		if (!Number.isFinite(by) || by === 0) fail(userError(`Adjust Qty. By must be a number other than 0 (line ${index + 1}).`, `${path}.adjustQtyBy`));
		return { item: { id }, location: { id: location }, adjustQtyBy: by, ...(line.memo !== undefined ? { memo: line.memo } : {}) };
	}

	/** What an inventory adjustment does: moves quantity on hand per item and location, never below zero. */
	private applyInventory(record: NsRecord): void {
		const lines = ((record.inventory as { items?: NsLine[] })?.items ?? []) as NsLine[];
		for (const line of lines) {
			const item = String(line.item?.id);
			const location = String((line.location as { id: string }).id);
			const key = `${item}-${location}`;
			const balance = this.host.store.get('inventoryBalance', key);
			const onHand = Number(balance?.quantityOnHand ?? 0) + Number(line.adjustQtyBy);
			if (onHand < 0) fail(userError(`The adjustment would leave ${onHand} on hand of item ${item} at location ${location}.`, 'inventory'));
		}
		for (const line of lines) {
			const item = String(line.item?.id);
			const location = String((line.location as { id: string }).id);
			const key = `${item}-${location}`;
			const balance = this.host.store.get('inventoryBalance', key);
			const now = record.lastModifiedDate;
			this.host.store.put('inventoryBalance', {
				quantityCommitted: 0,
				quantityOnOrder: 0,
				dateCreated: now,
				...balance,
				id: key,
				item: { id: item },
				location: { id: location },
				quantityOnHand: Number(balance?.quantityOnHand ?? 0) + Number(line.adjustQtyBy),
				lastModifiedDate: now,
			} as NsRecord);
		}
	}

	private requireFields(d: RecordTypeDef, record: NsRecord): void {
		const missing = Object.entries(d.required).filter(([field]) => {
			const v = record[field];
			return v === undefined || v === null || v === '';
		});
		if (missing.length > 0) fail(userError(`Please enter value(s) for: ${missing.map(([, label]) => label).join(', ')}`, missing[0][0]));
		if (d.lines === 'item' && !d.transformOnly && ((record.item as { items?: unknown[] })?.items ?? []).length === 0) {
			fail(userError('You must enter at least one line item for this transaction.', 'item'));
		}
		if (d.lines === 'inventory' && ((record.inventory as { items?: unknown[] })?.items ?? []).length === 0) {
			fail(userError('You must enter at least one line in the Adjustments sublist.', 'inventory'));
		}
	}

	private stamp(record: NsRecord, created: boolean): void {
		const now = isoSeconds(this.host.now().getTime());
		record.lastModifiedDate = now;
		if (created) record.dateCreated = now;
	}

	private newRecord(d: RecordTypeDef): NsRecord {
		const id = this.host.store.newId();
		const record = { id, dateCreated: '', lastModifiedDate: '' } as NsRecord;
		if (d.prefix) record.tranId = `${d.prefix}${id.padStart(5, '0')}`;
		if (d.type === 'customer' || d.type === 'vendor') record.entityId = '';
		if (d.type === 'salesOrder') record.status = { id: 'B', refName: 'Pending Fulfillment' };
		if (d.type === 'purchaseOrder') record.status = { id: 'B', refName: 'Pending Receipt' };
		if (d.type === 'invoice') record.status = { id: 'A', refName: 'Open' };
		return record;
	}

	private created(req: SandboxRequest, type: string, record: NsRecord, status = 204): SandboxResponse {
		return empty(status, { Location: this.recordUrl(req, type, record.id) });
	}

	/** Create (POST), or the create half of an upsert. */
	private insert(d: RecordTypeDef, body: Record<string, unknown>, externalId?: string): NsRecord {
		const record = this.newRecord(d);
		this.apply(d, record, body, [d.lines ?? '']);
		if (externalId !== undefined) record.externalId = externalId;
		if ((d.type === 'customer' || d.type === 'vendor') && !record.entityId) record.entityId = record.companyName;
		if (d.type === 'invoice') record.amountRemaining = record.total;
		this.requireFields(d, record);
		this.stamp(record, true);
		if (d.type === 'inventoryAdjustment') this.applyInventory(record);
		this.host.store.put(d.type, record);
		this.host.onChange('create', d.type, record);
		return record;
	}

	create(req: SandboxRequest, type: string): SandboxResponse {
		const d = def(type);
		if (d.transformOnly) fail(nsError(400, 'USER_ERROR', `A ${d.type} record can only be created by transforming its source transaction (POST …/!transform/${d.type}).`));
		return this.created(req, d.type, this.insert(d, this.body(req)));
	}

	private replaceParam(req: SandboxRequest): string[] {
		return (req.query.get('replace') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	}

	update(req: SandboxRequest, type: string, rawId: string): SandboxResponse {
		const d = def(type);
		const record = this.resolve(d.type, rawId);
		if (!record) return nonexistentId(d.type, rawId);
		const draft = structuredClone(record);
		this.apply(d, draft, this.body(req), this.replaceParam(req));
		this.requireFields(d, draft);
		this.stamp(draft, false);
		this.host.store.put(d.type, draft);
		this.host.onChange('edit', d.type, draft);
		return empty(204);
	}

	/** `PUT /record/v1/{type}/eid:{externalId}`: creates the record or updates the one with that external id. */
	upsert(req: SandboxRequest, type: string, rawId: string): SandboxResponse {
		const d = def(type);
		if (!rawId.toLowerCase().startsWith('eid:') || rawId.length <= 4) {
			fail(nsError(400, 'INVALID_ID', 'PUT (upsert) needs an external ID in the URL: /record/v1/{type}/eid:{externalId}.', { 'o:errorUrl': rawId }));
		}
		const externalId = rawId.slice(4);
		const existing = this.host.store.byExternalId(d.type, externalId);
		const body = this.body(req);
		if (!existing) return this.created(req, d.type, this.insert(d, body, externalId));
		const draft = structuredClone(existing);
		this.apply(d, draft, body, this.replaceParam(req));
		this.requireFields(d, draft);
		this.stamp(draft, false);
		this.host.store.put(d.type, draft);
		this.host.onChange('edit', d.type, draft);
		return this.created(req, d.type, draft);
	}

	remove(_req: SandboxRequest, type: string, rawId: string): SandboxResponse {
		const d = def(type);
		const record = this.resolve(d.type, rawId);
		if (!record) return nonexistentId(d.type, rawId);
		this.host.store.delete(d.type, record.id);
		this.host.onChange('delete', d.type, record);
		return empty(204);
	}

	/** `POST /record/v1/{source}/{id}/!transform/{target}`: a new record made from the source, with the source's lines. */
	transform(req: SandboxRequest, type: string, rawId: string, targetType: string): SandboxResponse {
		const d = def(type);
		const target = def(targetType);
		if (!(TRANSFORMS[d.type] ?? []).includes(target.type)) {
			fail(nsError(400, 'INVALID_TRANS_TYP', `You cannot transform a ${d.type} into a ${target.type}.`, { 'o:errorUrl': targetType }));
		}
		const source = this.resolve(d.type, rawId);
		if (!source) return nonexistentId(d.type, rawId);
		const body = req.rawBody.length > 0 ? this.body(req) : {};
		const record = this.newRecord(target);
		const lines = ((source.item as { items?: NsLine[] })?.items ?? []).map((l) => ({ ...l }));
		if (target.type === 'customerPayment') {
			record.customer = source.entity;
			record.payment = source.amountRemaining ?? source.total;
			record.apply = { items: [{ doc: { id: source.id }, apply: true, amount: source.amountRemaining ?? source.total }] };
		} else {
			record.entity = source.entity;
			if (target.type === 'itemFulfillment' || target.type === 'itemReceipt') {
				record.item = { items: lines.map((l) => ({ line: l.line, item: l.item, quantity: l.quantity, itemReceive: true })) };
				if (target.type === 'itemFulfillment') record.shipStatus = { id: 'C', refName: 'Shipped' };
			} else {
				const computed = lineAmounts(lines);
				record.item = { items: computed.items };
				record.subtotal = computed.total;
				record.total = computed.total;
				if (target.type === 'invoice') record.amountRemaining = computed.total;
			}
			if (source.otherRefNum !== undefined) record.otherRefNum = source.otherRefNum;
		}
		record.createdFrom = { id: source.id };
		this.apply(target, record, body, []);
		this.stamp(record, true);
		this.host.store.put(target.type, record);
		this.host.onChange('create', target.type, record);
		const status = (s: string, refName: string) => ({ id: s, refName });
		const updated = structuredClone(source);
		if (target.type === 'itemFulfillment') updated.status = status('F', 'Pending Billing');
		else if (target.type === 'invoice') updated.status = status('G', 'Billed');
		else if (target.type === 'itemReceipt') updated.status = status('F', 'Pending Bill');
		else if (target.type === 'customerPayment') Object.assign(updated, { status: status('B', 'Paid In Full'), amountRemaining: 0 });
		if (updated.status !== source.status || updated.amountRemaining !== source.amountRemaining) {
			this.stamp(updated, false);
			this.host.store.put(d.type, updated);
			this.host.onChange('edit', d.type, updated);
		}
		return this.created(req, target.type, record);
	}
}
