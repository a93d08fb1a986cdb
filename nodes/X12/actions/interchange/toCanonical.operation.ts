import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { envelopeContext, MAPPED_SETS, toCanonical } from '../../core/mapping';
import { analyse } from '../analyse';
import { optionalStore } from '../context';
import { inputFields, readInput } from '../input';
import { errorsOf, rejectedItem, setAccepted, setItem, type OperationResult } from '../items';

export const description: INodeProperties[] = [
	...inputFields(['toCanonical']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['toCanonical'] } },
		options: [
			{
				displayName: 'Read 850 as Sales Order',
				name: 'asSalesOrder',
				type: 'boolean',
				default: false,
				description: 'Whether to read a purchase order as the seller’s SalesOrder (the customer’s PO) instead of a PurchaseOrder',
			},
		],
	},
];

/**
 * Canonical records (PurchaseOrder/SalesOrder, OrderAck, Shipment, Invoice, InventoryLevel, Item) from the
 * sets of a file: one item per record, with the envelope under `x12`. Sets with envelope errors, sets
 * without a mapping and sets the mapping cannot read go to Rejected, like Parse.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const input = readInput(this, itemIndex);
	const { asSalesOrder = false } = this.getNodeParameter('options', itemIndex, {}) as { asSalesOrder?: boolean };
	const store = await optionalStore(this, itemIndex);
	const { report, sets } = await analyse(input.open, { collectSets: true, store });
	const items: INodeExecutionData[] = [];
	const rejected: INodeExecutionData[] = [];
	const reject = (index: number, reason: string): void => {
		rejected.push(rejectedItem({ reason, ...setItem(report, index, sets[index], true) }, input));
	};
	report.transactionSets.forEach((set, index) => {
		const collected = sets[index];
		if (!setAccepted(report, set) || !collected) {
			const body = setItem(report, index, collected, false);
			return reject(index, errorsOf(body.diagnostics as never).map((d) => d.message).join('; '));
		}
		if (!(MAPPED_SETS as readonly string[]).includes(set.code)) {
			return reject(index, `Transaction set ${set.code} has no canonical mapping (supported: ${MAPPED_SETS.join(', ')})`);
		}
		let records;
		try {
			records = toCanonical(set.code, collected.segments, envelopeContext(collected.isa, collected.gs, collected.segments[0]), { asSalesOrder });
		} catch (error) {
			return reject(index, `The ${set.code} could not be mapped: ${(error as Error).message}`);
		}
		const envelope = {
			transactionSet: set.code,
			controlNumber: set.controlNumber,
			interchangeControlNumber: report.interchanges.find((ic) => ic.interchange === set.interchange)?.controlNumber ?? '',
			groupControlNumber: report.groups.find((g) => g.interchange === set.interchange && g.group === set.group)?.controlNumber ?? '',
		};
		for (const record of records) items.push({ json: { ...(record as unknown as IDataObject), x12: envelope } });
	});
	if (report.transactionSets.length === 0) {
		rejected.push(
			rejectedItem(
				{
					reason: errorsOf(report.diagnostics).map((d) => d.message).join('; ') || 'The input holds no transaction set',
					diagnostics: report.diagnostics as never,
				},
				input,
			),
		);
	}
	return { items, rejected };
}
