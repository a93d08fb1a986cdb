/** A program, certification or prior-period row that cannot be used; the message names the row and field. */
export class RebateConfigError extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'RebateConfigError';
	}
}

/** An input line that cannot be used; names the item and field. */
export class RebateLineError extends Error {
	constructor(
		message: string,
		readonly itemIndex: number,
		readonly hint: string,
		/** Partner of the line, when it could be read (for the INVALID_LINE exception). */
		readonly partner?: string,
	) {
		super(message);
		this.name = 'RebateLineError';
	}
}
