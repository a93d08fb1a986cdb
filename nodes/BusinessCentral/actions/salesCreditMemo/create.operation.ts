import { createOperation } from '../operations';
import { salesCreditMemo } from '../definitions';

const operation = createOperation(salesCreditMemo);

export const description = operation.description;
export const execute = operation.execute;
