import { site } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(site);

export const description = operation.description;
export const execute = operation.execute;
