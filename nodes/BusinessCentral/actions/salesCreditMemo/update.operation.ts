import { updateOperation } from '../operations';
import { salesCreditMemo } from '../definitions';

const operation = updateOperation(salesCreditMemo);

export const description = operation.description;
export const execute = operation.execute;
