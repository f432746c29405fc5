/** Globs of `logs` are checked before the glob library sees them: inside the workspace, and of bounded expansion. */
import { describe, expect, it } from 'vitest';
import { checkLogGlob, globExpansions } from '../../src/load/check-glob.js';
import { MAX_GLOB_EXPANSIONS } from '../../src/limits.js';

describe('globExpansions', () => {
  it('counts what the braces stand for, as the glob library expands them', () => {
    expect(globExpansions('logs/**/*.yaml')).toBe(1);
    expect(globExpansions('logs/{2022,2023}/*.yaml')).toBe(2);
    expect(globExpansions('logs/{2022,2023}/{01..12}/*.yaml')).toBe(24);
    expect(globExpansions('{a{b,c},d}')).toBe(3);
    expect(globExpansions('{a..z}')).toBe(26);
    expect(globExpansions('{1..10..2}')).toBe(5);
    expect(globExpansions('{a}')).toBe(1);
    expect(globExpansions('\\{a,b\\}')).toBe(1);
    expect(globExpansions('{a,b')).toBe(2);
  });

  it('stops counting past the limit, however large the glob stands for, at once', () => {
    const started = performance.now();
    expect(globExpansions('{a,b,c,d,e,f,g,h,i,j}'.repeat(10))).toBe(MAX_GLOB_EXPANSIONS + 1);
    expect(globExpansions('{1..100000000000}')).toBe(MAX_GLOB_EXPANSIONS + 1);
    expect(globExpansions(`${'{a,'.repeat(50)}b${'}'.repeat(50)}`)).toBe(MAX_GLOB_EXPANSIONS + 1);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('checkLogGlob', () => {
  it('refuses absolute globs and globs climbing out with ..', () => {
    for (const pattern of ['/etc/*.conf', '\\\\server\\share\\*.yaml', 'C:/logs/*.yaml', '~/logs/*.yaml']) {
      expect(checkLogGlob(pattern), pattern).toEqual({ code: 'E-GLOB-OUTSIDE-WORKSPACE', params: { pattern, absolute: 'yes' } });
    }
    for (const pattern of ['../g1secret/*.yaml', 'logs/../../x.yaml', '{logs,..}/*.yaml', 'logs/@(..|x)/*.yaml', '..']) {
      expect(checkLogGlob(pattern), pattern).toEqual({ code: 'E-GLOB-OUTSIDE-WORKSPACE', params: { pattern, absolute: 'no' } });
    }
  });

  it('accepts the globs clerks write, dots in names included', () => {
    for (const pattern of ['logs/**/*.yaml', '台账/{2022,2023}/*.yml', 'logs/..hidden/*.yaml', 'logs/a..b.yaml', 'logs/{01..12}/*.yaml']) {
      expect(checkLogGlob(pattern), pattern).toBeUndefined();
    }
  });

  it('refuses a glob too long or standing for too many paths', () => {
    expect(checkLogGlob(`logs/${'x'.repeat(1000)}`)).toMatchObject({ code: 'E-GLOB-TOO-COMPLEX', params: { reason: 'length' } });
    expect(checkLogGlob('{a,b,c,d,e,f,g,h,i,j}'.repeat(10))).toMatchObject({
      code: 'E-GLOB-TOO-COMPLEX',
      params: { reason: 'braces', limit: MAX_GLOB_EXPANSIONS },
    });
  });
});
