import { createOperation } from '../operations';
import { agreementAddition } from './definition';

const operation = createOperation(agreementAddition);

export const description = operation.description;
export const execute = operation.execute;
