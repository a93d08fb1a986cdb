/** A KPI definition or node setting that cannot be used; the message names the KPI and the field. */
export class ScorecardConfigError extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'ScorecardConfigError';
	}
}

export const KPI_DOC_HINT = 'See docs/nodes/scorecard.md, "KPI definitions", for the fields and the formula language.';
