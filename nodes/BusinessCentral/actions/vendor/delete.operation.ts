import { deleteOperation } from '../operations';
import { vendor } from '../definitions';

const operation = deleteOperation(vendor);

export const description = operation.description;
export const execute = operation.execute;
