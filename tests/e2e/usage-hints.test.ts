/**
 * A mistake in a command line is answered with the help of the command in
 * use (`revitalize check --help`), or the top-level help when no command is
 * known, in the language asked for.
 */
import { describe, expect, it } from 'vitest';
import { inProcess } from './hosts.js';

describe('usage errors point at the help of the command in use', () => {
  const cases: [args: string[], stderr: string][] = [
    [['check', '--bogus'], 'revitalize: 未知的选项 --bogus\n运行 revitalize check --help 查看用法\n'],
    [['summary', '--bogus'], 'revitalize: 未知的选项 --bogus\n运行 revitalize summary --help 查看用法\n'],
    [['templates', 'lst'], 'revitalize: 未知的命令 lst，是不是想写 list？\n运行 revitalize templates --help 查看用法\n'],
    [['templates', 'list', '--bogus'], 'revitalize: 未知的选项 --bogus\n运行 revitalize templates list --help 查看用法\n'],
    [['explain'], 'revitalize: 缺少参数 <metric>\n运行 revitalize explain --help 查看用法\n'],
    [['--locale', 'en', 'resolve'], 'revitalize: the argument <id> is missing\nRun revitalize resolve --help for usage.\n'],
    [['reprot'], 'revitalize: 未知的命令 reprot，是不是想写 report？\n运行 revitalize --help 查看用法\n'],
    [['--bogus'], 'revitalize: 未知的选项 --bogus\n运行 revitalize --help 查看用法\n'],
    [['--locale', 'en', 'check', '--strct'], 'revitalize: unknown option --strct; did you mean --strict?\nRun revitalize check --help for usage.\n'],
    [['--locale=en', 'templates', 'lst'], 'revitalize: unknown command lst; did you mean list?\nRun revitalize templates --help for usage.\n'],
    [['--locale', 'en', 'reprot'], 'revitalize: unknown command reprot; did you mean report?\nRun revitalize --help for usage.\n'],
  ];
  for (const [args, stderr] of cases) {
    it(args.join(' '), async () => {
      const run = await inProcess(args, '/');
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toBe(stderr);
    });
  }
});
