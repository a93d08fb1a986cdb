import { deleteOperation } from '../operations';
import { agreementAddition } from './definition';

const operation = deleteOperation(agreementAddition);

export const description = operation.description;
export const execute = operation.execute;
