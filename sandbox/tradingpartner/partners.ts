/**
 * The trading partners the sandbox plays: retailers that buy from the distributor (us) over X12. Each
 * has its own envelope ids, a shared secret for signed HTTPS delivery, and a catalogue of the
 * distributor's SKUs it orders (the SKUs of the WMS seed, so an order can be picked and shipped).
 */

export interface CatalogItem {
	/** The distributor's SKU, sent as the vendor part number (PO1 qualifier VP). */
	sku: string;
	description: string;
	/** Unit price the retailer pays, as a decimal string. */
	price: string;
}

export interface EnvelopeParty {
	/** ISA05/ISA07 qualifier. */
	qualifier: string;
	/** ISA06/ISA08 id (at most 15 characters). */
	id: string;
	/** GS02/GS03 application code. */
	gsId: string;
}

export interface PartnerConfig {
	/** Path segment of the partner's inbox, e.g. `harbor` → `/tradingpartner/harbor/inbox`. */
	id: string;
	name: string;
	/** The retailer's envelope ids (sender of 850s). */
	partner: EnvelopeParty;
	/** The distributor's envelope ids (receiver of 850s, sender of 997/855/856/810/846). */
	distributor: EnvelopeParty;
	/** HMAC-SHA256 key for both directions. */
	secret: string;
	/** PO number prefix; numbers are `<prefix>-<n>`. */
	poPrefix: string;
	/** First PO sequence number after a reseed. */
	firstPo: number;
	/** ISA13 of the first interchange the partner sends after a reseed. */
	firstInterchange: number;
	/** Buyer store number (N1*BY*…*92*code) and ship-to store. */
	store: { code: string; name: string; address1: string; city: string; state: string; zip: string };
	catalog: CatalogItem[];
	/** Whether the partner subscribes to inventory advice (846); informational, the template's configuration decides. */
	wants846: boolean;
}

/** Harbor Hardware: the demo retailer (matches the X12 Trading Partner credential the demo imports). */
export const HARBOR: PartnerConfig = {
	id: 'harbor',
	name: 'Harbor Hardware',
	partner: { qualifier: 'ZZ', id: 'RETAILERDEMO', gsId: 'RETAILERDEMO' },
	distributor: { qualifier: 'ZZ', id: 'DISTRIBDEMO', gsId: 'DISTRIBDEMO' },
	secret: 'tp-harbor-7f3a91c2d84b5e60',
	poPrefix: 'HH',
	firstPo: 40001,
	firstInterchange: 5001,
	store: { code: '0117', name: 'Harbor Hardware #117', address1: '1200 Harbor Ave SW', city: 'Seattle', state: 'WA', zip: '98126' },
	catalog: [
		{ sku: 'SKU-1002', description: 'Shipping Labels 4x6 (500)', price: '18.50' },
		{ sku: 'SKU-1003', description: 'Packing Tape 48mm', price: '3.25' },
		{ sku: 'SKU-1004', description: 'Corrugated Box 12x12x8', price: '1.10' },
		{ sku: 'SKU-1006', description: 'Bubble Wrap Roll', price: '22.00' },
		{ sku: 'SKU-1008', description: 'Safety Gloves (pair)', price: '4.75' },
		{ sku: 'SKU-1009', description: 'Hi-Vis Vest', price: '9.60' },
		{ sku: 'SKU-1012', description: 'Shelf Bin Small', price: '2.40' },
		{ sku: 'SKU-1013', description: 'Shelf Bin Large', price: '6.80' },
	],
	wants846: true,
};

/** Summit Outfitters: a second retailer, without inventory advice. */
export const SUMMIT: PartnerConfig = {
	id: 'summit',
	name: 'Summit Outfitters',
	partner: { qualifier: 'ZZ', id: 'SUMMITOUTFIT', gsId: 'SUMMITOUTFIT' },
	distributor: { qualifier: 'ZZ', id: 'DISTRIBDEMO', gsId: 'DISTRIBDEMO' },
	secret: 'tp-summit-29b0e6f4a1c7d358',
	poPrefix: 'SO',
	firstPo: 7001,
	firstInterchange: 801,
	store: { code: '0042', name: 'Summit Outfitters Boise', address1: '88 Ridge Rd', city: 'Boise', state: 'ID', zip: '83702' },
	catalog: [
		{ sku: 'SKU-1008', description: 'Safety Gloves (pair)', price: '4.60' },
		{ sku: 'SKU-1009', description: 'Hi-Vis Vest', price: '9.40' },
		{ sku: 'SKU-1010', description: 'Hand Truck', price: '132.00' },
	],
	wants846: false,
};

export const DEFAULT_PARTNERS: PartnerConfig[] = [HARBOR, SUMMIT];

/** Functional id (GS01) each transaction set must travel in. */
export const FUNCTIONAL_ID: Record<string, string> = { '850': 'PO', '855': 'PR', '856': 'SH', '810': 'IN', '846': 'IB', '997': 'FA', '999': 'FA' };

/** What a retailer accepts from its supplier. */
export const ACCEPTED_SETS = ['997', '999', '855', '856', '810', '846'];
