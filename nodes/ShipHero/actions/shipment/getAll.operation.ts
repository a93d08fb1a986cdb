import { getAllOperation } from '../operations';
import { shipmentList } from './definition';

const operation = getAllOperation(shipmentList);

export const description = operation.description;
export const execute = operation.execute;
