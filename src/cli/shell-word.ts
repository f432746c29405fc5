/** An argument as it is typed in a shell (Windows' included): in double quotes when it holds a space or a character the shell would act on. */
export function shellWord(arg: string): string {
  return /^[^\s"'`$\\!*?;&|<>(){}#~]+$/u.test(arg) ? arg : `"${arg.replace(/(["\\$`])/g, '\\$1')}"`;
}
