import { getOperation } from '../operations';
import { customerPayment } from '../definitions';

const operation = getOperation(customerPayment);

export const description = operation.description;
export const execute = operation.execute;
