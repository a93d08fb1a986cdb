import { SandboxHttpError } from '../core/http';
import { invalidRequest, missingParam, unknownParam } from './errors';
import type { FormObject, FormValue } from './form';

/** Typed reads of form parameters; a bad value answers the vendor's 400 naming the parameter. */
export class Params {
	constructor(
		readonly values: FormObject,
		private readonly prefix = '',
	) {}

	private name(key: string): string {
		return this.prefix ? `${this.prefix}[${key}]` : key;
	}

	has(key: string): boolean {
		return this.values[key] !== undefined;
	}

	raw(key: string): FormValue | undefined {
		return this.values[key];
	}

	/** Rejects parameters the endpoint does not know (Stripe does, naming the first). */
	only(...keys: string[]): this {
		const allowed = new Set([...keys, 'expand']);
		const unknown = Object.keys(this.values).find((k) => !allowed.has(k));
		if (unknown) throw new SandboxHttpError(unknownParam(this.name(unknown)));
		return this;
	}

	str(key: string): string | undefined {
		const value = this.values[key];
		if (value === undefined) return undefined;
		if (typeof value !== 'string') throw new SandboxHttpError(invalidRequest(`Invalid string: ${this.name(key)}`, this.name(key), 'parameter_invalid_string'));
		return value;
	}

	requireStr(key: string): string {
		const value = this.str(key);
		if (value === undefined || value === '') throw new SandboxHttpError(missingParam(this.name(key)));
		return value;
	}

	int(key: string): number | undefined {
		const value = this.str(key);
		if (value === undefined || value === '') return undefined;
		if (!/^-?\d+$/.test(value)) throw new SandboxHttpError(invalidRequest(`Invalid integer: ${value}`, this.name(key), 'parameter_invalid_integer'));
		return Number(value);
	}

	requireInt(key: string): number {
		const value = this.int(key);
		if (value === undefined) throw new SandboxHttpError(missingParam(this.name(key)));
		return value;
	}

	decimal(key: string): string | undefined {
		const value = this.str(key);
		if (value === undefined || value === '') return undefined;
		if (!/^-?\d+(\.\d{1,12})?$/.test(value)) throw new SandboxHttpError(invalidRequest(`Invalid decimal: ${value}`, this.name(key), 'parameter_invalid_string'));
		return value;
	}

	bool(key: string): boolean | undefined {
		const value = this.str(key);
		if (value === undefined) return undefined;
		if (value !== 'true' && value !== 'false') throw new SandboxHttpError(invalidRequest(`Invalid boolean: ${value}`, this.name(key)));
		return value === 'true';
	}

	oneOf<T extends string>(key: string, options: readonly T[]): T | undefined {
		const value = this.str(key);
		if (value === undefined) return undefined;
		if (!options.includes(value as T)) {
			throw new SandboxHttpError(invalidRequest(`Invalid ${key}: must be one of ${options.join(', ')}`, this.name(key)));
		}
		return value as T;
	}

	obj(key: string): Params | undefined {
		const value = this.values[key];
		if (value === undefined || value === '') return undefined;
		if (typeof value !== 'object' || Array.isArray(value)) throw new SandboxHttpError(invalidRequest(`Invalid object: ${this.name(key)}`, this.name(key), 'parameter_invalid_empty'));
		return new Params(value, this.name(key));
	}

	list(key: string): Params[] {
		const value = this.values[key];
		if (value === undefined || value === '') return [];
		const array = Array.isArray(value) ? value : typeof value === 'object' ? Object.values(value) : undefined;
		if (!array) throw new SandboxHttpError(invalidRequest(`Invalid array: ${this.name(key)}`, this.name(key)));
		return array.map((entry, i) => {
			if (typeof entry !== 'object' || Array.isArray(entry)) throw new SandboxHttpError(invalidRequest(`Invalid object: ${this.name(key)}[${i}]`, `${this.name(key)}[${i}]`));
			return new Params(entry, `${this.name(key)}[${i}]`);
		});
	}

	strings(key: string): string[] {
		const value = this.values[key];
		if (value === undefined || value === '') return [];
		const array = Array.isArray(value) ? value : typeof value === 'object' ? Object.values(value) : [value];
		return array.map((entry) => {
			if (typeof entry !== 'string') throw new SandboxHttpError(invalidRequest(`Invalid array: ${this.name(key)}`, this.name(key)));
			return entry;
		});
	}

	/** `metadata[k]=v` (an empty value unsets a key); undefined when not sent. */
	metadata(current: Record<string, string> = {}): Record<string, string> | undefined {
		const value = this.values.metadata;
		if (value === undefined) return undefined;
		if (value === '') return {};
		if (typeof value !== 'object' || Array.isArray(value)) throw new SandboxHttpError(invalidRequest('Invalid metadata', 'metadata'));
		const out = { ...current };
		for (const [k, v] of Object.entries(value)) {
			if (typeof v !== 'string') throw new SandboxHttpError(invalidRequest(`Invalid metadata[${k}]`, `metadata[${k}]`));
			if (k.length > 40) throw new SandboxHttpError(invalidRequest('Metadata keys can be at most 40 characters', `metadata[${k}]`));
			if (v === '') delete out[k];
			else out[k] = v;
		}
		return out;
	}
}
