import { getAllOperation } from '../operations';
import { customerPayment } from '../definitions';

const operation = getAllOperation(customerPayment);

export const description = operation.description;
export const execute = operation.execute;
