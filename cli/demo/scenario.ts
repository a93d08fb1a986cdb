/**
 * The demo's scripted scenario, in order. Each step drives the sandbox (a partner sends EDI, a
 * warehouse ships, a PSA approves time…) or calls a workflow, waits for the business result in the
 * sandbox's systems and prints it.
 */
import { syncItemMaster } from '../scenarios/itemMaster';
import type { RunningSandbox } from '../../sandbox';
import { inventoryUpdate } from './steps/inventory';
import { inboundOrders, shipOrders } from './steps/orders';
import { openTickets, ticketIntake } from './steps/tickets';
import { x12Ack } from './steps/x12Ack';
import type { DemoStep } from './types';

export const SCENARIO: DemoStep[] = [openTickets, ticketIntake, x12Ack, inboundOrders, shipOrders, inventoryUpdate];

/** Sandbox options of the demo: a small warehouse catalogue keeps the nightly reconciliation short. */
export const DEMO_SANDBOX_OPTIONS = { shiphero: { products: 16 } } as const;

/** Before n8n starts: the distributor's item master in the ERP (the SKUs the WMS and the partners use). */
export async function prepareSandbox(sandbox: RunningSandbox): Promise<number> {
	return (await syncItemMaster(sandbox)).size;
}
