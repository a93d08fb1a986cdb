import { getOperation } from '../operations';
import { salesShipment } from '../definitions';

const operation = getOperation(salesShipment);

export const description = operation.description;
export const execute = operation.execute;
