import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { InventoryLevel } from '../../../common/canonical';
import { fromShipHeroWarehouseProduct, toShipHeroInventory } from '../../mapping';
import { dateFilter, skuProperty, stringFilter, warehouseProperty } from '../common.descriptions';
import { canonicalInput, canonicalJsonProperty, canonicalModeProperty, requiredString, runMutation, stamp } from '../operations';
import type { ListDefinition, OperationModule } from '../operations';

export const inventoryList: ListDefinition = {
	resource: 'inventory',
	nouns: 'warehouse products',
	root: 'warehouse_products',
	kind: 'warehouseProduct',
	pageSize: 200,
	canonical: { type: 'InventoryLevel', map: fromShipHeroWarehouseProduct },
	filters: [
		stringFilter('sku', 'SKU', 'Only this SKU (one row per warehouse)'),
		{ ...stringFilter('warehouse_id', 'Warehouse ID', 'Only this warehouse (UUID or legacy id)') },
		dateFilter('updated_from', 'Updated After', 'Only stock changed at or after this time (for incremental syncs)'),
	],
};

type Mode = 'add' | 'remove' | 'replace';

const TEXTS: Record<Mode, { root: string; input: string; quantity: string }> = {
	add: { root: 'inventory_add', input: 'UpdateInventoryInput', quantity: 'Units to add to on-hand stock' },
	remove: { root: 'inventory_remove', input: 'UpdateInventoryInput', quantity: 'Units to remove from on-hand stock' },
	replace: { root: 'inventory_replace', input: 'ReplaceInventoryInput', quantity: 'The new on-hand quantity' },
};

/**
 * inventory_add / inventory_remove / inventory_replace. Only a replace is safe to repeat: a retried
 * add or remove would count twice, so those are never resent after a network error.
 */
export function inventoryOperation(mode: Mode): OperationModule {
	const text = TEXTS[mode];
	const fieldsOnly = mode === 'replace' ? { displayOptions: { show: { inputMode: ['fields'] } } } : {};
	const properties: INodeProperties[] = [
		...(mode === 'replace' ? [canonicalModeProperty('InventoryLevel'), canonicalJsonProperty('InventoryLevel')] : []),
		{ ...skuProperty(), ...fieldsOnly },
		{ ...warehouseProperty(), ...fieldsOnly },
		{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 1, required: true, description: text.quantity, ...fieldsOnly },
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			placeholder: 'e.g. Cycle count',
			description: 'Shown in ShipHero’s inventory history',
		},
	];
	return {
		description: stamp('inventory', mode, properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const reason = this.getNodeParameter('reason', itemIndex, '') as string;
			let data: IDataObject;
			if (mode === 'replace' && this.getNodeParameter('inputMode', itemIndex) === 'canonical') {
				data = toShipHeroInventory(canonicalInput<InventoryLevel>(this, 'InventoryLevel', itemIndex));
			} else {
				data = {
					sku: requiredString(this, skuProperty(), itemIndex),
					warehouse_id: requiredString(this, warehouseProperty(), itemIndex),
					quantity: Math.trunc(this.getNodeParameter('quantity', itemIndex) as number),
				};
			}
			if (reason) data.reason = reason;
			return await runMutation(this, itemIndex, {
				root: text.root,
				input: text.input,
				key: 'warehouse_product',
				kind: 'warehouseProduct',
				data,
				idempotent: mode === 'replace',
			});
		},
	};
}
