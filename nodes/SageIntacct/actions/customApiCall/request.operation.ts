import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { credentialSecrets, intacctCall, resultError, resultFor } from '../../transport';
import { parseXml, XmlError } from '../../transport/xml';

const properties: INodeProperties[] = [
	{
		displayName: 'Function XML',
		name: 'functionXml',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '<inspect>\n  <object>CUSTOMER</object>\n</inspect>',
		required: true,
		description: 'The content of one &lt;function&gt; element of the XML API (e.g. &lt;readByQuery&gt;…&lt;/readByQuery&gt; or &lt;create&gt;&lt;CONTACT&gt;…&lt;/CONTACT&gt;&lt;/create&gt;). The credential’s sender and session are added.',
	},
	{
		displayName: 'Output Records Only',
		name: 'recordsOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to output one item per record inside &lt;data&gt; instead of the whole &lt;result&gt;',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customApiCall'], operation: ['request'] } }, properties);

/** Checks the user's XML: well-formed, no DOCTYPE/entities, exactly one element (so it cannot leave <function>). */
export function checkFunctionXml(ctx: IExecuteFunctions, xml: string, itemIndex: number): string {
	const trimmed = xml.trim().replace(/^<\?xml[^>]*\?>/, '').trim();
	let parsed;
	try {
		parsed = parseXml(trimmed);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Function XML: ${error instanceof XmlError ? error.message : 'not valid XML'}`, { itemIndex });
	}
	const roots = Object.keys(parsed);
	if (roots.length !== 1) throw new NodeOperationError(ctx.getNode(), 'Function XML: give exactly one element', { itemIndex });
	if (['function', 'request', 'content', 'operation', 'control', 'authentication'].includes(roots[0])) {
		throw new NodeOperationError(ctx.getNode(), `Function XML: give the inside of <function>, not <${roots[0]}>`, { itemIndex });
	}
	return trimmed;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const xml = checkFunctionXml(this, this.getNodeParameter('functionXml', itemIndex) as string, itemIndex);
	const response = await intacctCall(this, [{ controlId: 'custom', xml }], { itemIndex });
	const result = resultFor(this.getNode(), response, 'custom', itemIndex);
	if (result.status !== 'success') throw resultError(this.getNode(), result, { itemIndex, secrets: await credentialSecrets(this) });
	if (this.getNodeParameter('recordsOnly', itemIndex, false)) return result.records as IDataObject[];
	return [result.raw as IDataObject];
}
