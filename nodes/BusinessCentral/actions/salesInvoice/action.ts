import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { businessCentralApi } from '../../transport';
import { salesInvoice } from '../definitions';
import type { OperationModule } from '../operations';
import { guidParameter, operationDescription, recordPath } from '../operations';
import { companyLocator } from '../common.descriptions';

/**
 * A bound action of a sales invoice (`POST .../salesInvoices({id})/Microsoft.NAV.{action}`, 204), then
 * the invoice as it is afterwards, so the next node sees the new status and number.
 */
export function invoiceAction(operation: 'post' | 'send', action: string): OperationModule {
	const properties: INodeProperties[] = [companyLocator, salesInvoice.id];
	return {
		description: operationDescription(salesInvoice, operation, properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const path = recordPath(salesInvoice, this, itemIndex);
			await businessCentralApi(this, { method: 'POST', path: `${path}/Microsoft.NAV.${action}`, itemIndex });
			const invoice = await businessCentralApi<IDataObject>(this, { path, itemIndex });
			return { ...invoice, id: invoice.id ?? guidParameter(this, salesInvoice.id.name, salesInvoice.id.displayName, itemIndex) };
		},
	};
}
