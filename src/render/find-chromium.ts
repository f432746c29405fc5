import { existsSync } from 'node:fs';
import path from 'node:path';

type Env = Record<string, string | undefined>;

/**
 * The Chromium-family browser to print PDFs with: the one named by
 * REVITALIZE_CHROMIUM, else the first installed in the usual places, else
 * undefined (the caller says none was found and how to install one).
 *
 * REVITALIZE_CHROMIUM is returned even when nothing exists there: someone who
 * names a browser means that one, so quietly printing with another would hide
 * their mistake; the launch then fails with that path in its message.
 */
export function findChromium(env: Env, exists: (candidate: string) => boolean = existsSync, platform: NodeJS.Platform = process.platform): string | undefined {
  const chosen = env.REVITALIZE_CHROMIUM?.trim();
  if (chosen) return chosen;
  return usualPlaces(env, platform).find((candidate) => exists(candidate));
}

function usualPlaces(env: Env, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') return windowsPlaces(env);
  if (platform === 'darwin') return macPlaces(env);
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
}

function macPlaces(env: Env): string[] {
  const bundles = [
    ['Google Chrome.app', 'Google Chrome'],
    ['Chromium.app', 'Chromium'],
    ['Microsoft Edge.app', 'Microsoft Edge'],
  ] as const;
  // A user without admin rights drags the app into ~/Applications instead.
  const folders = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
  return folders.flatMap((folder) => bundles.map(([bundle, binary]) => path.posix.join(folder, bundle, 'Contents', 'MacOS', binary)));
}

// Edge ships with every Windows 10/11 PC, so a clerk's office machine always has
// one of these even when nobody installed Chrome.
function windowsPlaces(env: Env): string[] {
  const folders = [
    windowsVariable(env, 'ProgramFiles') ?? 'C:\\Program Files',
    windowsVariable(env, 'ProgramFiles(x86)') ?? 'C:\\Program Files (x86)',
    windowsVariable(env, 'LOCALAPPDATA'),
  ].filter((folder): folder is string => Boolean(folder));
  const browsers = [
    ['Google', 'Chrome', 'Application', 'chrome.exe'],
    ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
  ];
  return browsers.flatMap((parts) => folders.map((folder) => path.win32.join(folder, ...parts)));
}

// Windows variable names are case-insensitive; process.env honours that, a plain
// object passed in (by a test or a wrapper) does not.
function windowsVariable(env: Env, name: string): string | undefined {
  const key = Object.keys(env).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key]?.trim();
  return value || undefined;
}
