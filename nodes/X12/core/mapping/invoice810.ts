/** 810 Invoice ↔ canonical Invoice: IT1 lines, TDS total (two implied decimals), SAC charges. */
import type { Invoice, LineItem, Totals } from '../../../common/canonical';
import { addDecimals, compact, multiplyDecimals as multiply } from '../../../common/canonical';
import { invoiceLineLoops, n1Loops } from '../loops/lines';
import type { Segment } from '../types';
import { segment } from '../types';
import type { MappingContext } from './common';
import {
	addressOf,
	dec,
	descriptionOf,
	impliedDecimal,
	isoDate,
	itemFromPairs,
	pairsFromItem,
	partnerIds,
	partyFromLoop,
	partySegments,
	toImplied,
	val,
	x12Date,
	x12Number,
} from './common';

/** A summary or header SAC that is neither freight nor an allowance. */
export interface X12Charge {
	indicator: string;
	code?: string;
	amount: string;
	description?: string;
}

const FREIGHT = 'D240';

/** Reads an 810 body. TDS01 is N2 (implied two decimals). */
export function toInvoice(segments: Segment[], context: MappingContext = {}): Invoice {
	const split = invoiceLineLoops(segments);
	const header = split.header;
	const big = header.find((seg) => seg.id === 'BIG');
	const parties = n1Loops(header).map(partyFromLoop);
	const billTo = parties.find((party) => party.entity === 'BT');
	const customerParty = parties.find((party) => party.entity === 'BY') ?? billTo;
	const itd = header.find((seg) => seg.id === 'ITD');
	const tds = split.trailer.find((seg) => seg.id === 'TDS');
	const totals: Totals = {};
	const charges: X12Charge[] = [];
	for (const sac of [...header, ...split.trailer].filter((seg) => seg.id === 'SAC')) {
		const amount = impliedDecimal(val(sac, 5));
		if (!amount) continue;
		const indicator = val(sac, 1) ?? '';
		const code = val(sac, 2);
		if (indicator === 'C' && code === FREIGHT) totals.shipping = addDecimals(totals.shipping ?? '0', amount);
		else if (indicator === 'A') totals.discount = addDecimals(totals.discount ?? '0', amount);
		else charges.push(compact({ indicator, code, amount, description: val(sac, 15) }));
	}
	totals.total = impliedDecimal(val(tds, 1));
	const lines: LineItem[] = split.loops.map((loop) =>
		compact({
			lineNumber: val(loop.start, 1),
			quantity: dec(loop.start, 2),
			unitOfMeasure: val(loop.start, 3),
			unitPrice: dec(loop.start, 4),
			item: itemFromPairs(loop.start, 6),
			description: descriptionOf(loop.segments),
		}),
	);
	const number = val(big, 2);
	return compact({
		type: 'Invoice' as const,
		externalIds: partnerIds(context, number),
		number,
		date: isoDate(val(big, 1)),
		poNumber: val(big, 4),
		order: val(big, 4) ? { code: val(big, 4) } : undefined,
		currency: val(header.find((seg) => seg.id === 'CUR'), 2),
		customer: compact({
			name: customerParty?.name,
			code: customerParty?.idCode,
			externalIds: context.receiverId ? { x12: context.receiverId } : undefined,
		}),
		billTo: billTo ? addressOf(billTo) : undefined,
		shipTo: addressFromEntity(parties, 'ST'),
		paymentTerms: val(itd, 12),
		dueDate: isoDate(val(itd, 6)),
		lines,
		totals,
		extensions: compact({
			x12: compact({
				poDate: isoDate(val(big, 3)),
				remitTo: addressFromEntity(parties, 'RE') ?? addressFromEntity(parties, 'RI'),
				charges: charges.length > 0 ? charges : undefined,
			}),
		}),
	});
}

function addressFromEntity(parties: ReturnType<typeof partyFromLoop>[], entity: string) {
	const party = parties.find((entry) => entry.entity === entity);
	return party ? addressOf(party) : undefined;
}

interface X12InvoiceExtension {
	poDate?: string;
	remitTo?: Invoice['billTo'];
	charges?: X12Charge[];
}

/** The body segments (BIG … CTT, no ST/SE) of an 810. TDS01 is the total, else the lines' sum. */
export function fromInvoice(invoice: Invoice, _options: { version?: string } = {}): Segment[] {
	const ext = (invoice.extensions?.x12 ?? {}) as X12InvoiceExtension;
	const out: Segment[] = [
		segment('BIG', x12Date(invoice.date), invoice.number ?? '', x12Date(ext.poDate), invoice.poNumber ?? ''),
	];
	if (invoice.currency) out.push(segment('CUR', 'SE', invoice.currency));
	if (invoice.shipTo) out.push(...partySegments('ST', invoice.shipTo));
	const billTo = invoice.billTo ?? { name: invoice.customer.name };
	out.push(...partySegments('BT', invoice.customer.code && !billTo.externalIds ? { ...billTo, externalIds: { 'x12:92': invoice.customer.code } } : billTo));
	if (ext.remitTo) out.push(...partySegments('RE', ext.remitTo));
	if (invoice.paymentTerms || invoice.dueDate) {
		out.push(segment('ITD', '', '', '', '', '', x12Date(invoice.dueDate), '', '', '', '', '', invoice.paymentTerms ?? ''));
	}
	invoice.lines.forEach((line) => {
		out.push(
			segment(
				'IT1',
				line.lineNumber ?? '',
				x12Number(line.quantity),
				line.unitOfMeasure ?? 'EA',
				x12Number(line.unitPrice),
				'',
				...pairsFromItem(line.item),
			),
		);
		if (line.description) out.push(segment('PID', 'F', '', '', '', line.description));
	});
	const total = invoice.totals?.total ?? lineSum(invoice);
	out.push(segment('TDS', toImplied(total)));
	if (invoice.totals?.shipping) out.push(segment('SAC', 'C', FREIGHT, '', '', toImplied(invoice.totals.shipping)));
	if (invoice.totals?.discount) out.push(segment('SAC', 'A', 'C310', '', '', toImplied(invoice.totals.discount)));
	for (const charge of ext.charges ?? []) {
		const values = [charge.indicator, charge.code ?? '', '', '', toImplied(charge.amount)];
		if (charge.description) values.push('', '', '', '', '', '', '', '', '', charge.description);
		out.push(segment('SAC', ...values));
	}
	out.push(segment('CTT', String(invoice.lines.length)));
	return out;
}

function lineSum(invoice: Invoice): string {
	const amounts = invoice.lines.map((line) =>
		line.amount ?? (line.quantity && line.unitPrice ? multiply(line.quantity, line.unitPrice) : '0'),
	);
	return amounts.length > 0 ? addDecimals(...amounts) : '0';
}
