import { getAllOperation } from '../operations';
import { orderList } from './definition';

const operation = getAllOperation(orderList);

export const description = operation.description;
export const execute = operation.execute;
