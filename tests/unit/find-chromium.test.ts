import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/render/find-chromium.js';

const installed =
  (...paths: string[]) =>
  (candidate: string) =>
    paths.includes(candidate);
const nothing = () => false;

describe('findChromium', () => {
  it('takes REVITALIZE_CHROMIUM as given, even when nothing is there, so a wrong path is reported rather than replaced', () => {
    expect(findChromium({ REVITALIZE_CHROMIUM: '/opt/chrome/chrome' }, installed('/usr/bin/chromium'), 'linux')).toBe('/opt/chrome/chrome');
    expect(findChromium({ REVITALIZE_CHROMIUM: '/opt/missing' }, nothing, 'linux')).toBe('/opt/missing');
  });

  it('ignores an empty REVITALIZE_CHROMIUM', () => {
    expect(findChromium({ REVITALIZE_CHROMIUM: '  ' }, installed('/usr/bin/chromium'), 'linux')).toBe('/usr/bin/chromium');
  });

  it('prefers Chromium to Chrome to Edge on Linux', () => {
    expect(findChromium({}, installed('/usr/bin/chromium', '/usr/bin/google-chrome'), 'linux')).toBe('/usr/bin/chromium');
    expect(findChromium({}, installed('/usr/bin/microsoft-edge', '/usr/bin/google-chrome-stable'), 'linux')).toBe('/usr/bin/google-chrome-stable');
    expect(findChromium({}, installed('/snap/bin/chromium'), 'linux')).toBe('/snap/bin/chromium');
    expect(findChromium({}, installed('/usr/bin/microsoft-edge'), 'linux')).toBe('/usr/bin/microsoft-edge');
  });

  it('finds app bundles on macOS, in /Applications before ~/Applications', () => {
    const chromeApp = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const ownEdge = '/Users/li/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findChromium({ HOME: '/Users/li' }, installed(ownEdge, chromeApp), 'darwin')).toBe(chromeApp);
    expect(findChromium({ HOME: '/Users/li' }, installed(ownEdge), 'darwin')).toBe(ownEdge);
    expect(findChromium({}, installed('/usr/bin/chromium'), 'darwin')).toBeUndefined();
  });

  it('falls back to the Edge every Windows office PC has', () => {
    const env = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const userChrome = 'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(env, installed(edge), 'win32')).toBe(edge);
    expect(findChromium(env, installed(edge, userChrome), 'win32')).toBe(userChrome);
  });

  it('reads Windows variables whatever their case, and knows the default folders without them', () => {
    const chrome = 'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium({ PROGRAMFILES: 'D:\\Apps' }, installed(chrome), 'win32')).toBe(chrome);
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium({}, installed(edge), 'win32')).toBe(edge);
  });

  it('returns undefined when no browser is installed', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(findChromium({}, nothing, platform)).toBeUndefined();
  });

  it('asks only about the usual places', () => {
    const asked: string[] = [];
    findChromium(
      {},
      (candidate) => {
        asked.push(candidate);
        return false;
      },
      'linux',
    );
    expect(asked).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
      '/usr/bin/microsoft-edge',
    ]);
  });
});
