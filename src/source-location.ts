/** Where something is in a workspace: a file, and a line and column in it (0 for the whole file). */
export interface SourceLocation {
  /** Path relative to the workspace, with forward slashes. */
  file: string;
  line: number;
  col: number;
}
