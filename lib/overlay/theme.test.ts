/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { pageTheme, parseColor, themeOfColor } from './theme';

describe('the page theme', () => {
  it('reads computed colours', () => {
    expect(parseColor('rgb(21, 32, 43)')).toEqual([21, 32, 43, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(0 0 0 / 50%)')).toEqual([0, 0, 0, 0.5]);
    expect(parseColor('transparent')).toBeNull();
  });

  it('tells dark backgrounds from light ones, and says nothing for transparent ones', () => {
    expect(themeOfColor('rgb(0, 0, 0)')).toBe('dark'); // X "Lights out"
    expect(themeOfColor('rgb(21, 32, 43)')).toBe('dark'); // X "Dim"
    expect(themeOfColor('rgb(15, 15, 15)')).toBe('dark'); // YouTube dark
    expect(themeOfColor('rgb(255, 255, 255)')).toBe('light');
    expect(themeOfColor('rgb(247, 249, 249)')).toBe('light');
    expect(themeOfColor('rgba(0, 0, 0, 0)')).toBeNull();
  });

  it('follows the body’s background, then the root’s', () => {
    document.body.style.backgroundColor = 'rgb(0, 0, 0)';
    expect(pageTheme(document)).toBe('dark');
    document.body.style.backgroundColor = '';
    document.documentElement.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(pageTheme(document)).toBe('light');
    document.documentElement.style.backgroundColor = '';
  });
});
