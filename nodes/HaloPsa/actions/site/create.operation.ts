import { site } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(site);

export const description = operation.description;
export const execute = operation.execute;
