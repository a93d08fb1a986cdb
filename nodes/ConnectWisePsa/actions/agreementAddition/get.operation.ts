import { getOperation } from '../operations';
import { agreementAddition } from './definition';

const operation = getOperation(agreementAddition);

export const description = operation.description;
export const execute = operation.execute;
