import { compareWithPrevious } from '../../nodes/Scorecard/core/change';
import { compileKpis } from '../../nodes/Scorecard/core/definitions';
import { defaultKpiRows } from '../../nodes/Scorecard/core/defaults';
import { computeScorecard } from '../../nodes/Scorecard/core/engine';
import { formatValue } from '../../nodes/Scorecard/core/format';
import { PARTNER_METRICS } from './fixtures/partnerMetrics';

const kpis = compileKpis(defaultKpiRows());
const rows = PARTNER_METRICS.map((values, item) => ({ values, item, period: String(values.period) }));

describe('the default partner scorecard', () => {
	it('validates: 17 KPIs over the five domains, every one with a red threshold', () => {
		expect(kpis).toHaveLength(17);
		expect([...new Set(kpis.map((kpi) => kpi.domain))]).toEqual(['Revenue quality', 'Delivery', 'Customer outcomes', 'Adoption', 'Governance']);
		expect(kpis.every((kpi) => kpi.red !== undefined && kpi.amber === kpi.target)).toBe(true);
	});

	it('computes the sample month as worked out by hand', () => {
		const { period, results } = computeScorecard({ rows, kpis, groupBy: ['partner'] });
		expect(period).toBe('2026-10');
		const table = results.map((r) => [r.kpi.id, r.group.map(([, v]) => v).join(' / '), formatValue(r.current.value, r.kpi), r.current.status]);
		expect(table).toEqual([
			// 15000.50 recurring of 22500.00 = 66.6689 %
			['recurring_revenue_mix', 'Acme IT', '66.7%', 'green'],
			['recurring_revenue_mix', 'Bolt Systems', '100.0%', 'green'],
			// 14 / 40: below the target 40, not below red 25
			['automation_attach_rate', 'Acme IT', '35.0%', 'amber'],
			['automation_attach_rate', 'Bolt Systems', 'n/a', 'n/a'],
			// 22 / 40
			['managed_services_penetration', 'Acme IT', '55.0%', 'green'],
			['managed_services_penetration', 'Bolt Systems', 'n/a', 'n/a'],
			// (15000 - 7800) / 15000; (8000 - 5400) / 8000; (4000 - 3200) / 4000 (red below 30)
			['gross_margin_by_service_line', 'Acme IT / Licensing', '20.0%', 'red'],
			['gross_margin_by_service_line', 'Acme IT / Managed services', '48.0%', 'green'],
			['gross_margin_by_service_line', 'Acme IT / Projects', '32.5%', 'amber'],
			// (21 + 35 + 41) / 3 = 32.33 days: above the target 30 (lower is better), not above red 45
			['time_to_value', 'Acme IT', '32.3 days', 'amber'],
			['time_to_value', 'Bolt Systems', 'n/a', 'n/a'],
			// (8 + 12.5 + 9) / 3 = 9.83 days
			['deployment_cycle_time', 'Acme IT', '9.8 days', 'green'],
			['deployment_cycle_time', 'Bolt Systems', 'n/a', 'n/a'],
			// 2 / 12 = 16.67 % (target 15, red above 25); Bolt 2 / 4 = 50 %
			['change_request_rate', 'Acme IT', '16.7%', 'amber'],
			['change_request_rate', 'Bolt Systems', '50.0%', 'red'],
			// 1130 / 1600 = 70.625 % → 70.6 (half away from zero); Bolt 500 / 1000
			['utilization', 'Acme IT', '70.6%', 'amber'],
			['utilization', 'Bolt Systems', '50.0%', 'red'],
			// (480 - 312) / 480 = 35 %
			['process_cycle_time_reduction', 'Acme IT', '35.0%', 'green'],
			['process_cycle_time_reduction', 'Bolt Systems', 'n/a', 'n/a'],
			// (250 - 140) / 250 = 44 %
			['exception_reduction', 'Acme IT', '44.0%', 'green'],
			['exception_reduction', 'Bolt Systems', 'n/a', 'n/a'],
			// 9 / 10 = 90 %: exactly on the target
			['renewal_rate', 'Acme IT', '90.0%', 'green'],
			['renewal_rate', 'Bolt Systems', 'n/a', 'n/a'],
			['active_workflows', 'Acme IT', '28', 'green'],
			['active_workflows', 'Bolt Systems', 'n/a', 'n/a'],
			// distinct users outside IT ("IT" and "it"): u1, u3
			['cross_functional_users', 'Acme IT', '2', 'red'],
			// counting functions count rows: no user rows is 0 users, not n/a
			['cross_functional_users', 'Bolt Systems', '0', 'red'],
			// 21 / 28 = 75 %: exactly on the red threshold, so amber
			['approval_policy_coverage', 'Acme IT', '75.0%', 'amber'],
			['approval_policy_coverage', 'Bolt Systems', 'n/a', 'n/a'],
			// 37 / 40 = 92.5 %
			['audit_readiness', 'Acme IT', '92.5%', 'amber'],
			['audit_readiness', 'Bolt Systems', 'n/a', 'n/a'],
			// (2.5 + 6 + 3.5) / 3 = 4 h: exactly on the target (lower is better)
			['alert_to_resolution', 'Acme IT', '4.0 h', 'green'],
			['alert_to_resolution', 'Bolt Systems', 'n/a', 'n/a'],
			// 120 / 150
			['exceptions_auto_routed', 'Acme IT', '80.0%', 'green'],
			['exceptions_auto_routed', 'Bolt Systems', 'n/a', 'n/a'],
		]);
		const reasons = Object.fromEntries(results.filter((r) => r.group[0][1] === 'Bolt Systems' && r.current.reason).map((r) => [r.kpi.id, r.current.reason]));
		expect(reasons.automation_attach_rate).toBe('division by zero: sum(active_customers) is 0');
		expect(reasons.time_to_value).toBe('no rows with a value for avg(time_to_value_days)');
		expect(reasons.active_workflows).toBe('no rows with a value for sum(active_workflows)');

		// September had renewals only: 7 / 8 = 87.5 %, so October is +2.5 points, +2.9 % (2.5 / 87.5).
		const renewal = results.find((r) => r.kpi.id === 'renewal_rate' && r.group[0][1] === 'Acme IT')!;
		expect(compareWithPrevious(renewal, [], 12)).toMatchObject({ previousPeriod: '2026-09', previousValue: '87.5', change: '2.5', changePct: '2.9', trend: 'better' });
		// Other KPIs have no value in September: no earlier period to compare with.
		const mix = results.find((r) => r.kpi.id === 'recurring_revenue_mix' && r.group[0][1] === 'Acme IT')!;
		expect(compareWithPrevious(mix, [], 12)).toMatchObject({ previousPeriod: '2026-09', previousValue: undefined });
	});
});
