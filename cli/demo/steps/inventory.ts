/** inventory-sync: a ShipHero stock change reaches NetSuite's on-hand and the retailer gets an 846. */
import type { ShipHeroPlugin } from '../../../sandbox';
import type { DemoStep } from '../types';
import { waitFor } from '../wait';

type Row = Record<string, unknown>;

export const inventoryUpdate: DemoStep = {
	title: 'inventory-sync: a ShipHero stock count → NetSuite on-hand and an 846',
	async run({ sandbox }, print) {
		const warehouse = sandbox.records<{ id: string; identifier: string }>('shiphero', 'warehouses').find((w) => w.identifier === 'Primary');
		const item = sandbox.records<Row>('netsuite', 'inventoryItem').find((i) => i.itemId === 'SKU-1004');
		if (!warehouse || !item) throw new Error('the sandbox has no Primary warehouse or no NetSuite item SKU-1004');
		const advices = () => sandbox.records<{ type: string }>('tradingpartner', 'documents').filter((d) => d.type === '846').length;
		const before = advices();
		sandbox.plugin<ShipHeroPlugin>('shiphero').adjustInventory('SKU-1004', warehouse.id, 321);
		const balance = await waitFor(
			'NetSuite on-hand 321 for SKU-1004',
			() => sandbox.records<Row>('netsuite', 'inventoryBalance').find((b) => String(b.id).startsWith(`${String(item.id)}-`) && b.quantityOnHand === 321),
			120_000,
		);
		await waitFor('an 846 at the partner', () => advices() > before, 60_000);
		print(`ShipHero SKU-1004 @ Primary set to 321 → NetSuite balance ${String(balance.id)} on hand ${String(balance.quantityOnHand)}, 846 sent`);
	},
};
