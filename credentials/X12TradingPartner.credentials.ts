import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * One X12 trading partner: envelope ids, version, delimiters and acknowledgement policy. It holds
 * no secret and talks to no service; the X12 EDI node checks it with `partnerProfile`
 * (nodes/X12/core/partnerProfile.ts), which reports clashing delimiters and over-long ids.
 */
// n8n-nodes-base's naming rules are written for HTTP API credentials; this one is partner settings
// with no remote service, so there is nothing to call for a credential test. Registered in
// package.json together with the X12 EDI node, which refers to it by this name.
// eslint-disable-next-line n8n-nodes-base/cred-class-name-unsuffixed
export class X12TradingPartner implements ICredentialType {
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-name-unsuffixed
	name = 'x12TradingPartner';

	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-api
	displayName = 'X12 Trading Partner';

	icon = 'file:x12TradingPartner.svg' as const;

	// A full URL, as @n8n/community-nodes/credential-documentation-url requires.
	documentationUrl =
		'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/x12.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Our ISA Qualifier',
			name: 'ourIsaQualifier',
			type: 'string',
			default: 'ZZ',
			description: 'ISA05 on what we send (e.g. ZZ mutually defined, 01 DUNS, 12 phone)',
		},
		{
			displayName: 'Our ISA ID',
			name: 'ourIsaId',
			type: 'string',
			default: '',
			required: true,
			description: 'ISA06 on what we send, at most 15 characters',
		},
		{
			displayName: 'Their ISA Qualifier',
			name: 'theirIsaQualifier',
			type: 'string',
			default: 'ZZ',
			description: 'ISA07 on what we send',
		},
		{
			displayName: 'Their ISA ID',
			name: 'theirIsaId',
			type: 'string',
			default: '',
			required: true,
			description: 'ISA08 on what we send, at most 15 characters',
		},
		{
			displayName: 'Our GS Application Code',
			name: 'ourGsId',
			type: 'string',
			default: '',
			description: 'GS02 on what we send; empty: our ISA ID',
		},
		{
			displayName: 'Their GS Application Code',
			name: 'theirGsId',
			type: 'string',
			default: '',
			description: 'GS03 on what we send; empty: their ISA ID',
		},
		{
			displayName: 'X12 Version',
			name: 'version',
			type: 'options',
			options: [
				{ name: '004010', value: '004010' },
				{ name: '005010', value: '005010' },
				{ name: 'Custom', value: 'custom', description: 'E.g. a HIPAA implementation guide such as 005010X222A1' },
			],
			default: '004010',
			description: 'GS08 on what we send',
		},
		{
			displayName: 'Custom Version',
			name: 'customVersion',
			type: 'string',
			default: '',
			placeholder: '005010X222A1',
			displayOptions: { show: { version: ['custom'] } },
		},
		{
			displayName: 'ISA12 Version',
			name: 'isaVersion',
			type: 'options',
			options: [
				{ name: 'From X12 Version', value: 'auto', description: '00401 for 004010, 00501 for 005010' },
				{ name: '00401', value: '00401' },
				{ name: '00403', value: '00403' },
				{ name: '00501', value: '00501' },
			],
			default: 'auto',
		},
		{
			displayName: 'Element Separator',
			name: 'elementSeparator',
			type: 'string',
			default: '*',
			description: 'One character; non-printable ones as 0xHH (e.g. 0x1D)',
		},
		{
			displayName: 'Component Separator',
			name: 'componentSeparator',
			type: 'string',
			default: ':',
			description: 'ISA16; one character or 0xHH',
		},
		{
			displayName: 'Repetition Separator',
			name: 'repetitionSeparator',
			type: 'string',
			default: '^',
			description: 'ISA11 from ISA12 00402 on (ignored for 00401); one character or 0xHH',
		},
		{
			displayName: 'Segment Terminator',
			name: 'segmentTerminator',
			type: 'string',
			default: '~',
			description: 'One or more characters, or \\n for a line break',
		},
		{
			displayName: 'Line Break After Segments',
			name: 'lineBreak',
			type: 'options',
			options: [
				{ name: 'None', value: 'none' },
				{ name: 'LF', value: 'lf' },
				{ name: 'CRLF', value: 'crlf' },
			],
			default: 'none',
		},
		{
			displayName: 'Usage Indicator',
			name: 'usage',
			type: 'options',
			options: [
				{ name: 'Production', value: 'P' },
				{ name: 'Test', value: 'T' },
			],
			default: 'P',
			description: 'ISA15 on what we send',
		},
		{
			displayName: 'Acknowledgement Requested (ISA14)',
			name: 'ackRequested',
			type: 'boolean',
			default: false,
			description: 'Whether to ask the partner for a TA1 interchange acknowledgement',
		},
		{
			displayName: 'Acknowledgement Policy',
			name: 'ackPolicy',
			type: 'options',
			options: [
				{ name: 'None', value: 'none' },
				{ name: '997 Functional Acknowledgment', value: '997' },
				{ name: '999 Implementation Acknowledgment', value: '999' },
			],
			default: '997',
			description: 'What we send back for the groups we receive',
		},
		{
			displayName: 'Send TA1',
			name: 'ta1',
			type: 'boolean',
			default: false,
			description: 'Whether to answer received interchanges with a TA1 (always when they set ISA14 to 1)',
		},
		{
			displayName: 'Expected Transaction Sets',
			name: 'expectedSets',
			type: 'multiOptions',
			options: [
				{ name: '810 Invoice', value: '810' },
				{ name: '832 Price/Sales Catalog', value: '832' },
				{ name: '846 Inventory Inquiry/Advice', value: '846' },
				{ name: '850 Purchase Order', value: '850' },
				{ name: '855 Purchase Order Acknowledgment', value: '855' },
				{ name: '856 Ship Notice/Manifest', value: '856' },
				{ name: '997 Functional Acknowledgment', value: '997' },
				{ name: '999 Implementation Acknowledgment', value: '999' },
			],
			default: [],
			description: 'Sets we accept from this partner; none selected: any',
		},
	];
}
