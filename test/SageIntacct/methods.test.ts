import type { IDataObject } from 'n8n-workflow';

import { createLoadOptionsContext, useNock } from '../helpers/fakeContext';
import { credentialType, node, records, sandboxCredentials, useIntacctSandbox } from './helpers';

useNock(true);
const sandbox = useIntacctSandbox();

const context = (parameters: IDataObject) =>
	createLoadOptionsContext({
		parameters,
		credentials: { sageIntacctApi: sandboxCredentials(sandbox()) },
		credentialTypes: [credentialType],
		nodeProperties: node.description.properties,
	});

describe('Sage Intacct list search and options', () => {
	it('searches records of the selected object by label or ID and pages with readMore', async () => {
		const ctx = context({ object: 'CUSTOMER' });
		const first = await node.methods.listSearch.searchRecords.call(ctx);
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBeDefined();
		const second = await node.methods.listSearch.searchRecords.call(ctx, undefined, first.paginationToken as string);
		expect(second.results[0].value).not.toBe(first.results[0].value);

		const customer = records(sandbox(), 'CUSTOMER')[9];
		const found = await node.methods.listSearch.searchRecords.call(ctx, String(customer.CUSTOMERID));
		expect(found.results).toEqual([{ name: `${String(customer.NAME)} (${String(customer.CUSTOMERID)})`, value: customer.RECORDNO }]);
	});

	it('lists the transaction definitions of Order Entry and Purchasing', async () => {
		const so = await node.methods.loadOptions.getTransactionDefinitions.call(context({ object: 'SODOCUMENT' }));
		expect(so.map((o) => o.value)).toEqual(['Sales Invoice', 'Sales Order', 'Sales Quote', 'Shipper']);
		const po = await node.methods.loadOptions.getTransactionDefinitions.call(context({ object: 'PODOCUMENT' }));
		expect(po.map((o) => o.value)).toEqual(['PO Receiver', 'Purchase Order', 'Vendor Invoice']);
	});
});
