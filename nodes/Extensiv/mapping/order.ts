import type { IDataObject } from 'n8n-workflow';

import { compact, toIsoDate, toIsoDateTime } from '../../common/canonical';
import type { SalesOrder, Shipment } from '../../common/canonical';
import {
	SYSTEM,
	idsOf,
	addressFrom,
	addressTo,
	customerRef,
	facilityRef,
	identifierTo,
	lineFrom,
	lineTo,
	linesOf,
	obj,
	statusOf,
	str,
} from './common';

/** An Extensiv order (an outbound/shipping order of one of the 3PL's customers) as a canonical SalesOrder. */
export function fromExtensivOrder(record: IDataObject): SalesOrder {
	const readOnly = obj(record.readOnly);
	const id = str(readOnly.orderId);
	const routing = obj(record.routingInfo);
	const facility = facilityRef(record);
	return compact({
		type: 'SalesOrder' as const,
		externalIds: idsOf(id),
		source: id ? compact({ system: SYSTEM, id, updatedAt: toIsoDateTime(readOnly.lastModifiedDate) }) : undefined,
		number: str(record.referenceNum),
		poNumber: str(record.poNum),
		orderDate: toIsoDate(readOnly.creationDate),
		requestedDate: toIsoDate(record.earliestShipDate),
		status: statusOf(readOnly),
		customer: customerRef(record) ?? {},
		shipTo: addressFrom(record.shipTo),
		shippingMethod: [str(routing.carrier), str(routing.mode)].filter(Boolean).join(' ') || undefined,
		notes: str(record.notes),
		lines: linesOf(record, 'orderItems').map(lineFrom),
		extensions: facility ? { [SYSTEM]: { facility } } : undefined,
	});
}

/** A canonical SalesOrder as the body of `POST /orders`; the facility comes from the extension or the caller. */
export function toExtensivOrder(order: SalesOrder): IDataObject {
	const facility = obj(order.extensions?.[SYSTEM]).facility as SalesOrder['customer'] | undefined;
	return compact({
		customerIdentifier: identifierTo(order.customer),
		facilityIdentifier: identifierTo(facility),
		referenceNum: order.number,
		poNum: order.poNumber,
		earliestShipDate: order.requestedDate,
		notes: order.notes,
		shipTo: addressTo(order.shipTo),
		routingInfo: order.shippingMethod ? { carrier: order.shippingMethod } : undefined,
		orderItems: order.lines.map(lineTo),
	}) as IDataObject;
}

/** A shipped (complete) order as a canonical Shipment: packages, tracking, shipped quantities. */
export function fromExtensivShipment(record: IDataObject): Shipment {
	const readOnly = obj(record.readOnly);
	const id = str(readOnly.orderId);
	const routing = obj(record.routingInfo);
	const packages = (Array.isArray(readOnly.packages) ? readOnly.packages : []) as IDataObject[];
	const tracking = [str(routing.trackingNumber), ...packages.map((p) => str(p.trackingNumber))].filter(
		(t, i, all): t is string => t !== undefined && all.indexOf(t) === i,
	);
	const status = statusOf(readOnly);
	return compact({
		type: 'Shipment' as const,
		externalIds: idsOf(id),
		source: id ? compact({ system: SYSTEM, id, updatedAt: toIsoDateTime(readOnly.lastModifiedDate) }) : undefined,
		number: str(record.referenceNum),
		orderNumber: str(record.referenceNum),
		order: id ? { externalIds: { [SYSTEM]: id }, code: str(record.referenceNum) } : undefined,
		shipDate: toIsoDate(readOnly.processDate),
		status: status === 'fulfilled' ? 'shipped' : status === 'cancelled' ? 'cancelled' : 'pending',
		carrier: str(routing.carrier),
		service: str(routing.mode),
		trackingNumbers: tracking.length ? tracking : undefined,
		shipTo: addressFrom(record.shipTo),
		packages: packages.length
			? packages.map((p) => compact({ id: String(p.packageId ?? ''), trackingNumber: str(p.trackingNumber) }))
			: undefined,
		lines: linesOf(record, 'orderItems').map((line, index) => {
			const base = lineFrom(line, index);
			return { ...base, quantityShipped: base.quantity ?? '0', orderNumber: str(record.referenceNum) };
		}),
	});
}

/** A canonical Shipment as the routing part of an order update (carrier and tracking). */
export function toExtensivShipment(shipment: Shipment): IDataObject {
	return compact({
		referenceNum: shipment.orderNumber ?? shipment.number,
		routingInfo: compact({
			carrier: shipment.carrier,
			mode: shipment.service,
			trackingNumber: shipment.trackingNumbers?.[0],
		}),
	}) as IDataObject;
}
