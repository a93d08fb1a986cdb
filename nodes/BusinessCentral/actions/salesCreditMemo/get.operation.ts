import { getOperation } from '../operations';
import { salesCreditMemo } from '../definitions';

const operation = getOperation(salesCreditMemo);

export const description = operation.description;
export const execute = operation.execute;
