import { getOperation } from '../operations';
import { orderGet } from './definition';

const operation = getOperation(orderGet);

export const description = operation.description;
export const execute = operation.execute;
