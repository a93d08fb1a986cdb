/**
 * Every system the pack maps, in one registry. Systems register under the key they use in
 * `externalIds`, so a record mapped from a system carries its id under the same name the
 * cross-reference tables and the other mappings use.
 */
import { MappingRegistry, type SystemRegistration } from '../../common/canonical/registry';
import { autotaskMappings } from '../../AutotaskPsa/mapping';
import { businessCentralMappings } from '../../BusinessCentral/mapping';
import { chargebeeBillingMappings } from '../../ChargebeeBilling/mapping';
import { connectWisePsaMappings } from '../../ConnectWisePsa/mapping';
import { extensivMappings } from '../../Extensiv/mapping';
import { haloPsaMappings } from '../../HaloPsa/mapping';
import { netSuiteMappings } from '../../NetSuite/mapping';
import { sageIntacctMappings } from '../../SageIntacct/mapping';
import { shipHeroMappings } from '../../ShipHero/mapping';
import { stripeMappings } from '../../StripeBilling/mapping';
import { X12_SYSTEM, x12Mappings } from './x12';

// The assignments check that every system exports the shared SystemMappings shape.
const registrations: SystemRegistration[] = [
	{ key: 'autotaskPsa', displayName: 'Autotask PSA', mappings: autotaskMappings },
	{ key: 'businessCentral', displayName: 'Business Central', mappings: businessCentralMappings },
	{ key: 'chargebeeBilling', displayName: 'Chargebee Billing', mappings: chargebeeBillingMappings },
	{ key: 'connectWisePsa', displayName: 'ConnectWise PSA', mappings: connectWisePsaMappings },
	{ key: 'extensiv', displayName: 'Extensiv 3PL Warehouse Manager', mappings: extensivMappings },
	{ key: 'haloPsa', displayName: 'HaloPSA', mappings: haloPsaMappings },
	{ key: 'netSuite', displayName: 'NetSuite', mappings: netSuiteMappings },
	{ key: 'sageIntacct', displayName: 'Sage Intacct', mappings: sageIntacctMappings },
	{ key: 'shipHero', displayName: 'ShipHero', mappings: shipHeroMappings },
	{ key: 'stripe', displayName: 'Stripe Billing', mappings: stripeMappings, notes: 'Payments are read only: Stripe records them itself.' },
	{
		key: X12_SYSTEM,
		displayName: 'X12 EDI',
		mappings: x12Mappings,
		notes:
			'One transaction set per item (850, 855, 856, 810, as Parse outputs them). 846 and 832 carry many records per set: use the X12 EDI node’s To/From Canonical.',
	},
];

export const mappingRegistry = new MappingRegistry(registrations);

/** The pseudo-system of canonical values in value maps and cross-references. */
export const CANONICAL = 'canonical';
