import { compact, referenceTo } from '../../common/canonical';
import type { Shipment, ShipmentLine } from '../../common/canonical';
import { addressFrom, decimal, identity, isoDate, nodesOf, obj, shipHeroId, str, SYSTEM } from './common';
import type { ShRecord } from './common';

/** A ShipHero shipment as a canonical Shipment (one package per shipping label). */
export function fromShipHeroShipment(shipment: ShRecord): Shipment {
	const labels = Array.isArray(shipment.shipping_labels) ? (shipment.shipping_labels as ShRecord[]) : [];
	return compact<Shipment>({
		type: 'Shipment',
		...identity(shipment, shipment.created_date),
		number: str(shipment.legacy_id),
		order: referenceTo(SYSTEM, str(shipment.order_id)),
		shipDate: isoDate(shipment.created_date),
		status: 'shipped',
		carrier: str(labels[0]?.carrier),
		service: str(labels[0]?.shipping_name) ?? str(labels[0]?.shipping_method),
		trackingNumbers: labels.map((l) => str(l.tracking_number)).filter((t): t is string => t !== undefined),
		shipTo: addressFrom(shipment.address, 'shipping'),
		packages: labels.map((l, i) => compact({ id: str(l.id) ?? String(i + 1), trackingNumber: str(l.tracking_number) })),
		lines: nodesOf(shipment.line_items).map((line) =>
			compact<ShipmentLine>({
				externalIds: compact({ [SYSTEM]: str(line.line_item_id) }) as Record<string, string>,
				item: { sku: str(obj(line.line_item)?.sku), name: str(obj(line.line_item)?.product_name) },
				quantityShipped: decimal(line.quantity) ?? '0',
			}),
		),
	});
}

/** The `shipment_create` input a canonical Shipment describes (order, lines by ShipHero line item id, labels). */
export function toShipHeroShipment(shipment: Shipment): ShRecord {
	return compact({
		order_id: shipHeroId(shipment.order),
		line_items: shipment.lines.map((line) => compact({ line_item_id: line.externalIds?.[SYSTEM], quantity: Number(line.quantityShipped) })),
		labels: (shipment.trackingNumbers ?? []).map((tracking) => compact({ tracking_number: tracking, carrier: shipment.carrier, shipping_name: shipment.service })),
	});
}
