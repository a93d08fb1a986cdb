/**
 * One record through the mapper. To Canonical: map → fill ids from cross-references → overrides →
 * value maps (system → canonical). From Canonical: fill ids on the canonical input (so references
 * carry the target system's ids) → map → overrides → value maps (canonical → system). Value maps run
 * last, on the output, so they also translate values an override put there.
 */
import type { MappingDirection } from '../../common/canonical/registry';
import { RecordMapperError } from './errors';
import { objectsAt, parsePath, resolvePath, setPath } from './paths';
import { mappingRegistry } from './systems';
import { CANONICAL_SYSTEM, type Translator, type UnknownValuePolicy } from './valueMaps';
import type { CrossReferenceTable, XrefEntity } from './xref';

export interface ValueMapRule {
	/** Path in the output (`lines.*.unitOfMeasure` for every line). */
	field: string;
	map: string;
}

export interface EnrichRule {
	table: CrossReferenceTable;
	/** Paths of the objects to fill: '' or '.' is the record itself. */
	paths: string[];
}

export interface MappingConfig {
	system: string;
	type: string;
	direction: MappingDirection;
	overrides?: Record<string, unknown>;
	valueMaps?: ValueMapRule[];
	policy?: UnknownValuePolicy;
	translator?: Translator;
	enrich?: EnrichRule[];
}

type Json = Record<string, unknown>;

export async function mapRecord(record: unknown, config: MappingConfig): Promise<Json> {
	let out: Json;
	if (config.direction === 'toCanonical') {
		out = mappingRegistry.toCanonical(config.system, config.type, record) as unknown as Json;
		await enrichIds(out, config.enrich ?? []);
	} else {
		const canonical = structuredClone(record) as Json;
		await enrichIds(canonical, config.enrich ?? []);
		out = mappingRegistry.fromCanonical(config.system, config.type, canonical);
	}
	applyOverrides(out, config.overrides ?? {});
	if (config.valueMaps?.length) {
		if (!config.translator) throw new Error('Value maps need a translator');
		const [from, to] = config.direction === 'toCanonical' ? [config.system, CANONICAL_SYSTEM] : [CANONICAL_SYSTEM, config.system];
		await translateFields(out, config.valueMaps.map((rule) => ({ ...rule, from, to })), config.translator, config.policy ?? { onUnknown: 'fail' });
	}
	return out;
}

/** Sets each override; empty values (null, undefined, '') are no override. Returns the paths set. */
export function applyOverrides(target: Json, overrides: Record<string, unknown>): string[] {
	const applied: string[] = [];
	for (const [path, value] of Object.entries(overrides)) {
		if (value === undefined || value === null || value === '') continue;
		setPath(target, path, value);
		applied.push(path);
	}
	return applied;
}

export interface TranslateRule extends ValueMapRule {
	from: string;
	to: string;
	/** Write the result here instead of in place. */
	target?: string;
}

/**
 * Translates the fields in place, or into `target`: a path, or with `*` a sibling field of each element
 * (`lines.*.uom` → `lines.*.unitOfMeasure`). A missing field is left alone.
 */
export async function translateFields(record: Json, rules: TranslateRule[], translator: Translator, policy: UnknownValuePolicy): Promise<void> {
	for (const rule of rules) {
		const field = rule.field.trim();
		if (!field) throw new RecordMapperError(`A value map rule for map "${rule.map}" has no field`, 'validation', 'Give the path of the field to translate, e.g. unitOfMeasure.');
		const target = rule.target?.trim() || undefined;
		const fieldParts = parsePath(field);
		const targetParts = target ? parsePath(target) : undefined;
		const perElement = fieldParts.includes('*');
		if (targetParts && perElement && targetParts.slice(0, -1).join('.') !== fieldParts.slice(0, -1).join('.')) {
			throw new RecordMapperError(
				`Target "${target}" must be a field beside "${field}" (only the last name may differ)`,
				'validation',
				'E.g. field lines.*.uom with target lines.*.unitOfMeasure.',
			);
		}
		for (const hit of resolvePath(record, fieldParts)) {
			if (hit.value === undefined) continue;
			const value = await translator.translate({ map: rule.map, from: rule.from, to: rule.to, field: hit.path }, hit.value, policy);
			if (!targetParts) (hit.container as Json)[hit.key] = value;
			else if (perElement) (hit.container as Json)[targetParts.at(-1)!] = value;
			else setPath(record, target!, value);
		}
	}
}

/**
 * Fills `externalIds` (and `id`, when absent) of the record and of references from cross-reference
 * tables: an object whose ids include one an entity has gets that entity's other ids. Ids the object
 * already has are kept. Returns how many objects were matched.
 */
export async function enrichIds(record: Json, rules: EnrichRule[]): Promise<number> {
	let matched = 0;
	for (const rule of rules) {
		const objects = rule.paths.flatMap((path) => objectsAt(record, path));
		const asks: Array<{ object: Json; system: string; id: string }> = [];
		for (const object of objects) {
			const ids = object.externalIds;
			if (typeof ids !== 'object' || ids === null || Array.isArray(ids)) continue;
			for (const [system, id] of Object.entries(ids as Record<string, unknown>)) {
				if ((typeof id === 'string' && id.trim()) || typeof id === 'number') asks.push({ object, system, id: String(id) });
			}
		}
		if (asks.length === 0) continue;
		const found = await rule.table.lookupMany(asks.map(({ system, id }) => ({ system, id })));
		const done = new Set<Json>();
		asks.forEach((ask, i) => {
			const entity = found[i];
			if (!entity || done.has(ask.object)) return;
			done.add(ask.object);
			merge(ask.object, entity);
			matched++;
		});
	}
	return matched;
}

function merge(object: Json, entity: XrefEntity): void {
	const ids = { ...entity.ids, ...(object.externalIds as Record<string, string>) };
	object.externalIds = ids;
	if (object.id === undefined || object.id === null || object.id === '') object.id = entity.id;
}
