import { getAllOperation } from '../operations';
import { salesCreditMemo } from '../definitions';

const operation = getAllOperation(salesCreditMemo);

export const description = operation.description;
export const execute = operation.execute;
