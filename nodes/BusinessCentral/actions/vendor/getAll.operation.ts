import { getAllOperation } from '../operations';
import { vendor } from '../definitions';

const operation = getAllOperation(vendor);

export const description = operation.description;
export const execute = operation.execute;
