import { searchRecords } from './listSearch';

export const listSearch = { searchRecords };
