import { updateOperation } from '../operations';
import { customerPayment } from '../definitions';

const operation = updateOperation(customerPayment);

export const description = operation.description;
export const execute = operation.execute;
