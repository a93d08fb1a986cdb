import { site } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(site);

export const description = operation.description;
export const execute = operation.execute;
