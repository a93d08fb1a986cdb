import { getOperation } from '../operations';
import { shipmentGet } from './definition';

const operation = getOperation(shipmentGet);

export const description = operation.description;
export const execute = operation.execute;
