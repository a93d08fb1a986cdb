import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { RecordMapperError } from '../../core/errors';
import { translateFields, type TranslateRule } from '../../core/pipeline';
import { readPolicy, translatorFor, unknownValueFields } from '../common';
import { SYSTEM_HINT } from './common';

const show = { resource: ['valueMap'], operation: ['translate'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Translations',
		name: 'translations',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Translation',
		default: {},
		displayOptions: { show },
		options: [
			{
				name: 'rules',
				displayName: 'Translation',
				values: [
					{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'lines.*.unitOfMeasure', description: 'Path of the field to translate; * means every element of a list' },
					{ displayName: 'From System', name: 'from', type: 'string', default: '', placeholder: 'netSuite', description: SYSTEM_HINT },
					{ displayName: 'Map Name', name: 'map', type: 'string', default: '', placeholder: 'unit-of-measure' },
					{
						displayName: 'Put Result In',
						name: 'target',
						type: 'string',
						default: '',
						placeholder: 'lines.*.uomCode',
						description: 'Empty: replace the value in place. With * only the last name may differ from Field.',
					},
					{ displayName: 'To System', name: 'to', type: 'string', default: 'canonical', description: SYSTEM_HINT },
				],
			},
		],
	},
	...unknownValueFields(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Ignore Case',
				name: 'ignoreCase',
				type: 'boolean',
				default: false,
				description: 'Whether values match ignoring upper/lower case and surrounding spaces',
			},
		],
	},
];

/** Applies value maps to fields of each item; each map is read once per run. */
export async function execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<INodeExecutionData> {
	const rules = ((this.getNodeParameter('translations', itemIndex, {}) as { rules?: TranslateRule[] }).rules ?? []).filter((rule) => rule.field || rule.map);
	rules.forEach((rule, i) => {
		for (const key of ['field', 'map', 'from', 'to'] as const) {
			if (!String(rule[key] ?? '').trim()) {
				throw new RecordMapperError(`Translation ${i + 1} has no ${key === 'from' ? 'From System' : key === 'to' ? 'To System' : key === 'map' ? 'Map Name' : 'Field'}`, 'validation', 'Fill in every column of the translation, or remove it.');
			}
		}
	});
	const options = this.getNodeParameter('options', itemIndex, {}) as { ignoreCase?: boolean };
	const json = structuredClone(item.json) as IDataObject;
	const trimmed = rules.map((rule) => ({ ...rule, map: rule.map.trim(), from: rule.from.trim(), to: rule.to.trim() }));
	await translateFields(json, trimmed, await translatorFor(this, itemIndex, options.ignoreCase === true), readPolicy(this, itemIndex));
	return { json, ...(item.binary ? { binary: item.binary } : {}) };
}
