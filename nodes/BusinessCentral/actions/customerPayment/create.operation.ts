import { createOperation } from '../operations';
import { customerPayment } from '../definitions';

const operation = createOperation(customerPayment);

export const description = operation.description;
export const execute = operation.execute;
