import { inventoryOperation } from './definition';

const operation = inventoryOperation('remove');

export const description = operation.description;
export const execute = operation.execute;
