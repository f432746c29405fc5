/**
 * Small workspaces written by a test, with whatever text a hostile or
 * careless log may hold: escape sequences, bidi overrides, characters XML
 * forbids, spreadsheet formulas. The config is a minimal one of 测试乡.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The workspace `ws` under a fresh folder of `scratch`, with `files` (relative path → text) beside its config; the folder returned is the cwd. */
export function writeWorkspace(scratch: string, files: Record<string, string>, villages: readonly string[] = ['永胜村']): string {
  const cwd = mkdtempSync(path.join(scratch, 'ws-'));
  const root = path.join(cwd, 'ws');
  const all = {
    'revitalize.yaml': `region: 测试乡\nrecipient: 区委组织部\nissuer: 中共测试乡委员会\nvillages: ${JSON.stringify(villages)}\n`,
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return cwd;
}

/** One log of 永胜村's April 2023: a night talk and the suggestions given, each `{ id, text, topic?, date? }`, written as JSON strings (so any character can be given). */
export function suggestionLog(suggestions: readonly { id: string; text: string; topic?: string; date?: string }[], village = '永胜村'): string {
  const lines = [
    `village: ${JSON.stringify(village)}`,
    'entries:',
    '  - date: 2023-04-08',
    '    pillar: night-talk',
    '    kind: session',
    '    form: 集中畅谈',
    '    attendees: 55',
  ];
  for (const { id, text, topic, date } of suggestions) {
    lines.push(
      `  - date: ${date ?? '2023-04-08'}`,
      '    pillar: night-talk',
      '    kind: suggestion',
      `    id: ${JSON.stringify(id)}`,
      `    text: ${JSON.stringify(text)}`,
    );
    if (topic !== undefined) lines.push(`    topic: ${JSON.stringify(topic)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What a terminal would obey: C0 controls other than tab and line feed, DEL, C1, the bidi controls. */
export const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
