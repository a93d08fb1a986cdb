import type { AllEntities } from 'n8n-workflow';

type CrudOperation = 'create' | 'delete' | 'get' | 'getAll' | 'update';

type NodeMap = {
	action: CrudOperation;
	asset: CrudOperation;
	client: CrudOperation;
	contract: CrudOperation;
	customApiCall: 'request';
	expense: CrudOperation;
	invoice: CrudOperation;
	item: CrudOperation;
	project: CrudOperation;
	site: CrudOperation;
	ticket: CrudOperation;
	user: CrudOperation;
};

export type HaloPsaType = AllEntities<NodeMap>;
export type HaloPsaResource = HaloPsaType['resource'];
