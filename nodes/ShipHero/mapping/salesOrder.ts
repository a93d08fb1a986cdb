import { compact, multiplyDecimals } from '../../common/canonical';
import type { LineItem, OrderStatus, SalesOrder } from '../../common/canonical';
import { addressFrom, addressTo, decimal, identity, isoDate, lookup, moneyTo, nodesOf, obj, str, SYSTEM } from './common';
import type { ShRecord } from './common';

const STATUS_FROM: Record<string, OrderStatus> = {
	pending: 'open',
	Unfulfilled: 'open',
	partially_fulfilled: 'partially_fulfilled',
	fulfilled: 'fulfilled',
	canceled: 'cancelled',
	cancelled: 'cancelled',
};

const STATUS_TO: Partial<Record<OrderStatus, string>> = { open: 'pending', fulfilled: 'fulfilled', cancelled: 'canceled' };

function lineFrom(line: ShRecord): LineItem {
	return compact<LineItem>({
		externalIds: compact({ [SYSTEM]: str(line.id), [`${SYSTEM}PartnerLine`]: str(line.partner_line_item_id) }) as Record<string, string>,
		lineNumber: str(line.partner_line_item_id),
		item: { sku: str(line.sku), code: str(line.sku), name: str(line.product_name) },
		description: str(line.product_name),
		quantity: decimal(line.quantity),
		unitPrice: decimal(line.price),
		amount: line.price !== undefined && line.quantity !== undefined ? multiplyDecimals(String(line.price), String(line.quantity)) : undefined,
	});
}

/** A ShipHero order as a canonical SalesOrder (the customer is the ship-to person, by e-mail). */
export function fromShipHeroOrder(order: ShRecord): SalesOrder {
	const shipTo = addressFrom(order.shipping_address, 'shipping');
	const shipping = obj(order.shipping_lines);
	return compact<SalesOrder>({
		type: 'SalesOrder',
		...identity(order),
		number: str(order.order_number),
		orderDate: isoDate(order.order_date),
		requestedDate: isoDate(order.required_ship_date),
		status: lookup(STATUS_FROM, order.fulfillment_status),
		currency: str(order.currency),
		customer: compact({ code: str(order.email), name: shipTo?.name }),
		poNumber: str(order.partner_order_id),
		billTo: addressFrom(order.billing_address, 'billing'),
		shipTo,
		lines: nodesOf(order.line_items).map(lineFrom),
		totals: compact({
			subtotal: decimal(order.subtotal),
			discount: decimal(order.total_discounts),
			shipping: decimal(shipping?.price),
			tax: decimal(order.total_tax),
			total: decimal(order.total_price),
		}),
		shippingMethod: str(shipping?.title),
		notes: str(order.packing_note),
		extensions: compact({ [SYSTEM]: compact({ shopName: str(order.shop_name), fulfillmentStatus: str(order.fulfillment_status) }) }),
	});
}

/** The `order_create` input for a canonical SalesOrder. */
export function toShipHeroOrder(order: SalesOrder): ShRecord {
	const email = order.customer?.code && order.customer.code.includes('@') ? order.customer.code : undefined;
	return compact({
		order_number: order.number,
		partner_order_id: order.poNumber ?? order.number,
		fulfillment_status: order.status ? STATUS_TO[order.status] : undefined,
		order_date: order.orderDate,
		required_ship_date: order.requestedDate,
		email,
		subtotal: moneyTo(order.totals?.subtotal),
		total_discounts: moneyTo(order.totals?.discount),
		total_tax: moneyTo(order.totals?.tax),
		total_price: moneyTo(order.totals?.total),
		packing_note: order.notes,
		shipping_lines: order.shippingMethod || order.totals?.shipping ? { title: order.shippingMethod ?? 'Shipping', price: moneyTo(order.totals?.shipping) ?? '0' } : undefined,
		shipping_address: addressTo(order.shipTo, email),
		billing_address: addressTo(order.billTo, email),
		line_items: order.lines.map((line, i) =>
			compact({
				sku: line.item?.sku ?? line.item?.code,
				partner_line_item_id: line.lineNumber ?? `${order.number ?? 'line'}-${i + 1}`,
				quantity: line.quantity === undefined ? undefined : Number(line.quantity),
				price: moneyTo(line.unitPrice) ?? '0',
				product_name: line.description ?? line.item?.name,
			}),
		),
	});
}
