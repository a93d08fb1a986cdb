import { compact, multiplyDecimals, referenceTo } from '../../common/canonical';
import type { OrderStatus, PurchaseOrder } from '../../common/canonical';
import { decimal, identity, isoDate, lookup, moneyTo, nodesOf, obj, shipHeroId, str, SYSTEM } from './common';
import type { ShRecord } from './common';

const STATUS_FROM: Record<string, OrderStatus> = { pending: 'open', partially_received: 'partially_fulfilled', closed: 'closed', canceled: 'cancelled' };

/** A ShipHero purchase order (inbound stock) as a canonical PurchaseOrder. */
export function fromShipHeroPurchaseOrder(po: ShRecord): PurchaseOrder {
	const vendor = obj(po.vendor);
	return compact<PurchaseOrder>({
		type: 'PurchaseOrder',
		...identity(po, po.date_closed ?? po.created_at),
		number: str(po.po_number),
		orderDate: isoDate(po.po_date ?? po.created_at),
		status: lookup(STATUS_FROM, po.fulfillment_status),
		supplier: referenceTo(SYSTEM, str(vendor?.id ?? po.vendor_id), { name: str(vendor?.name) }) ?? {},
		lines: nodesOf(po.line_items).map((line) =>
			compact({
				externalIds: compact({ [SYSTEM]: str(line.id) }) as Record<string, string>,
				item: { sku: str(line.sku), code: str(line.sku), supplierSku: str(line.vendor_sku), name: str(line.product_name) },
				description: str(line.product_name),
				quantity: decimal(line.quantity),
				unitCost: decimal(line.price),
				amount: line.price !== undefined && line.quantity !== undefined ? multiplyDecimals(String(line.price), String(line.quantity)) : undefined,
			}),
		),
		totals: compact({ subtotal: decimal(po.subtotal), shipping: decimal(po.shipping_price), total: decimal(po.total_price) }),
		notes: str(po.po_note) ?? str(po.description),
		extensions: compact({ [SYSTEM]: compact({ warehouseId: str(po.warehouse_id), receivedLines: nodesOf(po.line_items).map((l) => ({ sku: str(l.sku), received: decimal(l.quantity_received) })) }) }),
	});
}

/** The `purchase_order_create` input for a canonical PurchaseOrder; `warehouseId` says where the stock arrives. */
export function toShipHeroPurchaseOrder(po: PurchaseOrder, warehouseId?: string): ShRecord {
	const subtotal = moneyTo(po.totals?.subtotal) ?? '0';
	return compact({
		po_number: po.number,
		po_date: po.orderDate,
		warehouse_id: warehouseId ?? str(po.extensions?.[SYSTEM]?.warehouseId),
		vendor_id: shipHeroId(po.supplier),
		subtotal,
		shipping_price: moneyTo(po.totals?.shipping) ?? '0',
		total_price: moneyTo(po.totals?.total) ?? subtotal,
		po_note: po.notes,
		line_items: po.lines.map((line) =>
			compact({
				sku: line.item?.sku ?? line.item?.code,
				quantity: line.quantity === undefined ? undefined : Number(line.quantity),
				price: moneyTo(line.unitCost ?? line.unitPrice) ?? '0',
				vendor_sku: line.item?.supplierSku,
				product_name: line.description ?? line.item?.name,
				expected_weight_in_lbs: '0',
			}),
		),
	});
}
