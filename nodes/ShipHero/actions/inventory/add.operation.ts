import { inventoryOperation } from './definition';

const operation = inventoryOperation('add');

export const description = operation.description;
export const execute = operation.execute;
