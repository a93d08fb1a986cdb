import { getAllOperation } from '../operations';
import { agreementAddition } from './definition';

const operation = getAllOperation(agreementAddition);

export const description = operation.description;
export const execute = operation.execute;
