import type { AllEntities } from 'n8n-workflow';

type Crud = 'create' | 'delete' | 'get' | 'getAll' | 'update';

type NodeMap = {
	company: 'get' | 'getAll';
	customer: Crud | 'upsert';
	vendor: Crud | 'upsert';
	item: Crud | 'upsert';
	salesOrder: Crud | 'upsert';
	purchaseOrder: Crud;
	salesInvoice: Crud | 'upsert' | 'post' | 'send';
	salesCreditMemo: Crud;
	salesShipment: 'get' | 'getAll';
	customerPayment: Crud;
	customApiCall: 'request';
};

export type BusinessCentralType = AllEntities<NodeMap>;
export type BusinessCentralResource = BusinessCentralType['resource'];
