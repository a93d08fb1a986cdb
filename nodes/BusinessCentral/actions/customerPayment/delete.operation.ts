import { deleteOperation } from '../operations';
import { customerPayment } from '../definitions';

const operation = deleteOperation(customerPayment);

export const description = operation.description;
export const execute = operation.execute;
