import { site } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(site);

export const description = operation.description;
export const execute = operation.execute;
