import { deleteOperation } from '../operations';
import { salesCreditMemo } from '../definitions';

const operation = deleteOperation(salesCreditMemo);

export const description = operation.description;
export const execute = operation.execute;
