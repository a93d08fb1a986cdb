import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as record from './record/Record.resource';
import * as restlet from './restlet/Restlet.resource';
import * as suiteql from './suiteql/SuiteQl.resource';

export const resources = { customApiCall, record, restlet, suiteql };
export type NetSuiteResource = keyof typeof resources;
