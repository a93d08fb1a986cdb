import { updateOperation } from '../operations';
import { vendor } from '../definitions';

const operation = updateOperation(vendor);

export const description = operation.description;
export const execute = operation.execute;
