import type { ErrorClass } from '../../common/errors';

/** An error of the Record Mapper's engines, with the class the exception queue keys on and what to do. */
export class RecordMapperError extends Error {
	constructor(
		message: string,
		readonly errorClass: ErrorClass,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'RecordMapperError';
	}
}

/** A value map with no entry for a value, under the Fail policy. */
export class UnknownValueError extends RecordMapperError {
	constructor(
		readonly map: string,
		readonly from: string,
		readonly to: string,
		readonly value: unknown,
		readonly field?: string,
	) {
		super(
			`Value map "${map}" has no ${to} value for ${from} value ${JSON.stringify(value)}${field ? ` (field ${field})` : ''}`,
			'validation',
			`Add a row to the value map (Value Map → Set), or set "If Value Not in Map" to Pass Through or Use Default Value.`,
		);
		this.name = 'UnknownValueError';
	}
}

/** Two ids that cannot both be linked: the message names both entities. */
export class CrossReferenceConflictError extends RecordMapperError {
	constructor(message: string, hint: string) {
		super(message, 'conflict', hint);
		this.name = 'CrossReferenceConflictError';
	}
}
