import { getAllOperation } from '../operations';
import { inventoryList } from './definition';

const operation = getAllOperation(inventoryList);

export const description = operation.description;
export const execute = operation.execute;
