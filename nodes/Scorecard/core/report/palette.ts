import type { Status } from '../types';

/** Status colours (also used as text background, so each has a readable text colour). */
export const STATUS_COLOURS: Record<Status, { fill: string; text: string; label: string }> = {
	green: { fill: '#1e8e3e', text: '#ffffff', label: 'Green' },
	amber: { fill: '#f2a600', text: '#1f2933', label: 'Amber' },
	red: { fill: '#d93025', text: '#ffffff', label: 'Red' },
	'n/a': { fill: '#9aa5b1', text: '#1f2933', label: 'n/a' },
};

export const INK = '#1f2933';
export const MUTED = '#52606d';
export const RULE = '#dde1e6';
export const TRACK = '#e9edf1';
export const ACCENT = '#2f6fb3';
