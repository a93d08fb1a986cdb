import { entityDef } from '../entities';

export const definition = entityDef('expenseReport');
