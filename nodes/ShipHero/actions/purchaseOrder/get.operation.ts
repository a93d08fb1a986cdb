import { getOperation } from '../operations';
import { purchaseOrderGet } from './definition';

const operation = getOperation(purchaseOrderGet);

export const description = operation.description;
export const execute = operation.execute;
