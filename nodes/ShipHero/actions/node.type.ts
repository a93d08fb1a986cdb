import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	customApiCall: 'graphql';
	inventory: 'add' | 'getAll' | 'remove' | 'replace';
	order: 'addLines' | 'cancel' | 'create' | 'get' | 'getAll' | 'hold' | 'removeLines' | 'update';
	product: 'create' | 'get' | 'getAll';
	purchaseOrder: 'create' | 'get' | 'getAll';
	shipment: 'get' | 'getAll';
};

export type ShipHeroType = AllEntities<NodeMap>;
export type ShipHeroResource = ShipHeroType['resource'];
