import { inventoryOperation } from './definition';

const operation = inventoryOperation('replace');

export const description = operation.description;
export const execute = operation.execute;
