/**
 * Building blocks for validating what crosses a message boundary or arrives in a file: content
 * scripts run beside pages we do not control and export files can be edited by hand, so every
 * value is checked for type and range before it is trusted.
 */

export type Check<T> = (value: unknown) => T | undefined;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export const boundedString =
  (max: number): Check<string> =>
  (value) =>
    typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
