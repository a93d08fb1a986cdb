import { updateOperation } from '../operations';
import { agreementAddition } from './definition';

const operation = updateOperation(agreementAddition);

export const description = operation.description;
export const execute = operation.execute;
