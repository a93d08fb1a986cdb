import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createStateStore, type StateStore } from '../../nodes/common/state';
import { UnknownValueError } from '../../nodes/RecordMapper/core/errors';
import { CompiledValueMap, Translator, ValueMapStore, checkRow, type ValueMapRow } from '../../nodes/RecordMapper/core/valueMaps';

let folder: string;
const stores: StateStore[] = [];
const open = () => {
	const store = createStateStore({ backend: 'file', folder });
	stores.push(store);
	return new ValueMapStore(store);
};
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'vmap-'));
});
afterAll(async () => {
	await Promise.all(stores.map(async (store) => await store.close()));
	rmSync(folder, { recursive: true, force: true });
});

const row = (fromSystem: string, fromValue: string | number, toSystem: string, toValue: string | number): ValueMapRow => ({ fromSystem, fromValue, toSystem, toValue });

const UOM = [
	row('netSuite', 'Each', 'canonical', 'EA'),
	row('netSuite', 'ea', 'canonical', 'EA'),
	row('shipHero', 'each', 'canonical', 'EA'),
	row('netSuite', 'Case of 12', 'canonical', 'CA'),
	row('x12:ACME', 'CS', 'netSuite', 'Case of 12'),
];

describe('value map translation', () => {
	const map = new CompiledValueMap('uom', UOM);

	it('translates a system value to canonical, canonical back to a system, and system to system via canonical', () => {
		expect(map.translate('netSuite', 'canonical', 'ea')).toBe('EA');
		// Backwards, the first row for a canonical value wins ("Each", not "ea").
		expect(map.translate('canonical', 'netSuite', 'EA')).toBe('Each');
		expect(map.translate('canonical', 'shipHero', 'EA')).toBe('each');
		expect(map.translate('netSuite', 'shipHero', 'Each')).toBe('each');
		// A direct row between two systems is used as is, both ways.
		expect(map.translate('x12:ACME', 'netSuite', 'CS')).toBe('Case of 12');
		expect(map.translate('netSuite', 'x12:ACME', 'Case of 12')).toBe('CS');
		expect(map.translate('canonical', 'netSuite', 'PLT')).toBeUndefined();
		expect(map.translate('shipHero', 'netSuite', 'pallet')).toBeUndefined();
	});

	it('matches exactly unless told to ignore case and surrounding spaces; numbers match their text', () => {
		expect(map.translate('netSuite', 'canonical', 'EACH')).toBeUndefined();
		expect(new CompiledValueMap('uom', UOM, true).translate('netSuite', 'canonical', ' EACH ')).toBe('EA');
		expect(new CompiledValueMap('codes', [row('sageIntacct', 30, 'canonical', 'NET30')]).translate('sageIntacct', 'canonical', '30')).toBe('NET30');
	});

	it('applies the unknown-value policy each of the three ways', async () => {
		const store = open();
		await store.setRows('status', [row('haloPsa', 'Closed', 'canonical', 'closed')]);
		const translator = new Translator(store);
		const request = { map: 'status', from: 'haloPsa', to: 'canonical', field: 'status' };
		await expect(translator.translate(request, 'Closed', { onUnknown: 'fail' })).resolves.toBe('closed');
		const error = await translator.translate(request, 'On Hold', { onUnknown: 'fail' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(UnknownValueError);
		expect((error as Error).message).toBe('Value map "status" has no canonical value for haloPsa value "On Hold" (field status)');
		await expect(translator.translate(request, 'On Hold', { onUnknown: 'passThrough' })).resolves.toBe('On Hold');
		await expect(translator.translate(request, 'On Hold', { onUnknown: 'default', defaultValue: 'open' })).resolves.toBe('open');
		// Nothing to translate: an absent value stays absent under every policy.
		await expect(translator.translate(request, undefined, { onUnknown: 'fail' })).resolves.toBeUndefined();
		await expect(translator.translate(request, '', { onUnknown: 'fail' })).resolves.toBe('');
		await expect(translator.translate({ ...request, map: 'nope' }, 'x', { onUnknown: 'passThrough' })).rejects.toThrow('Value map "nope" does not exist');
		await expect(translator.translate(request, { a: 1 }, { onUnknown: 'passThrough' })).rejects.toThrow(/cannot translate an object/);
	});

	it('reads each map once per translator (one execution)', async () => {
		const store = open();
		await store.setRows('ship', [row('shipHero', 'UPS Ground', 'canonical', 'ground')]);
		const translator = new Translator(store);
		const spy = jest.spyOn(store, 'get');
		for (let i = 0; i < 5; i++) await translator.translate({ map: 'ship', from: 'shipHero', to: 'canonical' }, 'UPS Ground', { onUnknown: 'fail' });
		expect(spy).toHaveBeenCalledTimes(1);
	});
});

describe('value map store', () => {
	it('adds, updates and replaces rows, counting each', async () => {
		const store = open();
		expect(await store.setRows('uom', UOM)).toMatchObject({ added: 5, updated: 0, unchanged: 0, removed: 0, total: 5 });
		expect(await store.setRows('uom', [row('netSuite', 'Each', 'canonical', 'EACH'), row('netSuite', 'ea', 'canonical', 'EA'), row('netSuite', 'Pallet', 'canonical', 'PL')])).toMatchObject({
			added: 1,
			updated: 1,
			unchanged: 1,
			total: 6,
		});
		expect((await store.get('uom'))?.rows[0]).toEqual(row('netSuite', 'Each', 'canonical', 'EACH'));
		const seeded = await store.setRows('uom', [row('netSuite', 'Each', 'canonical', 'EA')], { replace: true });
		expect(seeded).toMatchObject({ updated: 1, removed: 5, total: 1 });
		expect(await store.deleteRows('uom', [{ fromSystem: 'netSuite', fromValue: 'Each', toSystem: 'canonical' }])).toBe(1);
		expect((await store.get('uom'))?.rows).toEqual([]);
		expect(await store.deleteMap('uom')).toBe(true);
		expect(await store.get('uom')).toBeUndefined();
		expect(await store.names()).not.toContain('uom');
	});

	it('keeps every row when two workers write the same map at once', async () => {
		const a = open();
		const b = open();
		await Promise.all(
			Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).setRows('carrier', [row('shipHero', `S${i}`, 'canonical', `C${i}`)])),
		);
		expect((await a.get('carrier'))?.rows).toHaveLength(20);
	});

	it('validates rows and names, saying which row and field is wrong', () => {
		expect(() => checkRow({ fromSystem: 'netSuite', fromValue: 'Each', toSystem: 'canonical' }, 'row 3')).toThrow('Value map row 3: toValue must be a non-empty text, number or boolean');
		expect(() => checkRow({ fromSystem: ' ', fromValue: 'x', toSystem: 'canonical', toValue: 'y' }, 'row 1')).toThrow('Value map row 1: fromSystem is missing');
		expect(() => checkRow({ fromSystem: 'a', fromValue: 'x', toSystem: 'a', toValue: 'y' }, 'row 2')).toThrow(/toSystem is the same as fromSystem/);
		expect(() => checkRow(['x'], 'row 4')).toThrow('Value map row 4: the row is not an object');
		expect(checkRow({ fromSystem: ' netSuite ', fromValue: ' Each ', toSystem: 'canonical', toValue: 1 }, 'row 5')).toEqual(row('netSuite', 'Each', 'canonical', 1));
		return expect(open().setRows('bad/name', [])).rejects.toThrow(/Value map name "bad\/name" is not valid/);
	});
});
