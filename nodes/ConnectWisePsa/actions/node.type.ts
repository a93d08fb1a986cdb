import type { AllEntities } from 'n8n-workflow';

type CrudOperation = 'create' | 'delete' | 'get' | 'getAll' | 'update';

type NodeMap = {
	agreement: CrudOperation;
	agreementAddition: CrudOperation;
	company: CrudOperation;
	contact: CrudOperation;
	customApiCall: 'request';
	expense: CrudOperation;
	invoice: CrudOperation;
	product: CrudOperation;
	project: CrudOperation;
	ticket: CrudOperation;
	timeEntry: CrudOperation;
};

export type ConnectWisePsaType = AllEntities<NodeMap>;
export type ConnectWisePsaResource = ConnectWisePsaType['resource'];
