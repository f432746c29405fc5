/**
 * YAML text → plain values plus the position of every node.
 *
 * js-yaml is the fast path (about twelve times faster than `yaml` here): its
 * event stream gives the value and, in one extra pass, where each node was
 * written. Only when js-yaml rejects a file is it parsed again with `yaml`,
 * whose diagnostics find every syntax error of the file, not just the first.
 * Before either, the text is searched for what a Chinese input method
 * slips into YAML's structure (a full-width colon, space or dash), which
 * neither parser would name. What a clerk is told about a file that does
 * not parse is diagnose-syntax.ts.
 */
import { CORE_SCHEMA, EVENT_ID, SCALAR_STYLE, constructFromEvents, getScalarValue, parseEvents } from 'js-yaml';
import type { Event } from 'js-yaml';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { problem } from '../problems/problem.js';
import { diagnoseSyntax, imeSlipProblems, yamlParser } from './diagnose-syntax.js';
import { findImeSlips } from './ime-punctuation.js';
import { LineIndex } from './line-index.js';
import { MAX_YAML_DEPTH } from '../limits.js';

export type YamlPath = readonly (string | number)[];

interface PositionNode {
  start: number;
  keyStart?: number;
  children?: Map<string | number, PositionNode>;
}

/** A parsed file: its value, and where each part of it was written. */
export class YamlDocument {
  private readonly lines: LineIndex;

  constructor(
    readonly file: string,
    readonly value: unknown,
    private readonly root: PositionNode | undefined,
    text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  /**
   * Where the value at `path` (or its key) was written. A path that does not
   * exist, such as a missing field, resolves to its nearest existing parent.
   */
  locate(path: YamlPath, which: 'value' | 'key' = 'value'): SourceLocation {
    if (!this.root) return { file: this.file, line: 1, col: 1 };
    let node: PositionNode = this.root;
    let found = true;
    for (const segment of path) {
      const child: PositionNode | undefined = node.children?.get(segment);
      if (!child) {
        found = false;
        break;
      }
      node = child;
    }
    const offset = found && which === 'key' && node.keyStart !== undefined ? node.keyStart : node.start;
    const { line, col } = this.lines.position(offset);
    return { file: this.file, line, col };
  }
}

export type ParseOutcome = { ok: true; document: YamlDocument } | { ok: false; problems: Problem[] };

export function parseYaml(text: string, file: string): ParseOutcome {
  const slips = findImeSlips(text);
  if (slips.length > 0) return { ok: false, problems: imeSlipProblems(text, file, slips, (meant) => diagnosedProblems(parseText(meant, file))) };
  return parseText(text, file);
}

function diagnosedProblems(outcome: ParseOutcome): Problem[] {
  return outcome.ok ? [] : outcome.problems;
}

function parseText(text: string, file: string): ParseOutcome {
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: MAX_YAML_DEPTH });
    documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    return { ok: false, problems: diagnoseSyntax(text, file, error) };
  }
  if (documents.length > 1) {
    const lines = new LineIndex(text);
    const second = yamlParser().parseAllDocuments(text)[1];
    const offset = second && 'range' in second ? second.range[0] : 0;
    return {
      ok: false,
      problems: [problem('E-YAML-MULTIPLE-DOCUMENTS', { file, ...lines.position(offset) })],
    };
  }
  const walk = walkPositions(events, text);
  if (walk.aliasBombAt !== undefined) {
    const lines = new LineIndex(text);
    return {
      ok: false,
      problems: [problem('E-YAML-ALIAS-BOMB', { file, ...lines.position(walk.aliasBombAt) })],
    };
  }
  return { ok: true, document: new YamlDocument(file, documents[0], walk.root, text) };
}

interface Frame {
  node: PositionNode | undefined;
  isMap: boolean;
  expectKey: boolean;
  key: string | number | undefined;
  keyStart: number;
  index: number;
  expandedAtOpen: number;
  anchor: string | undefined;
}

/**
 * One pass over the events: records each node's start (and its key's start),
 * and counts how many nodes the document holds once aliases are expanded, so
 * that an "alias bomb" (a few lines expanding to billions of nodes) is refused
 * before anything walks the value.
 */
function walkPositions(events: Event[], text: string): { root?: PositionNode; aliasBombAt?: number } {
  const maxExpanded = 100_000 + 10 * events.length;
  const anchors = new Map<string, number>();
  const stack: Frame[] = [];
  let expanded = 0;
  let root: PositionNode | undefined;

  const anchorName = (start: number, end: number) => (start >= 0 ? text.slice(start, end) : undefined);

  // Places a node in its parent and returns the position record made for it.
  const place = (start: number, keyText: () => string | undefined): PositionNode | undefined => {
    const parent = stack[stack.length - 1];
    if (!parent) return undefined;
    if (parent.isMap && parent.expectKey) {
      parent.key = keyText();
      parent.keyStart = start;
      parent.expectKey = false;
      return undefined;
    }
    const position: PositionNode = { start };
    if (parent.isMap) {
      position.keyStart = parent.keyStart;
      if (parent.node && parent.key !== undefined) childrenOf(parent.node).set(parent.key, position);
      parent.expectKey = true;
    } else if (parent.node) {
      childrenOf(parent.node).set(parent.index, position);
      parent.index++;
    } else {
      root ??= position;
      parent.index++;
    }
    return position;
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        stack.push(frame(undefined, false, expanded, undefined));
        break;
      case EVENT_ID.SCALAR: {
        expanded++;
        // A quoted scalar's value starts after its quote; point at the quote.
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
        place(quoted ? event.valueStart - 1 : event.valueStart, () => getScalarValue(text, event));
        const anchor = anchorName(event.anchorStart, event.anchorEnd);
        if (anchor) anchors.set(anchor, 1);
        break;
      }
      case EVENT_ID.ALIAS: {
        const start = event.anchorStart - 1;
        expanded += anchors.get(text.slice(event.anchorStart, event.anchorEnd)) ?? 1;
        if (expanded > maxExpanded) return { aliasBombAt: start };
        place(start, () => undefined);
        break;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        expanded++;
        const position = place(event.start, () => undefined);
        const anchor = anchorName(event.anchorStart, event.anchorEnd);
        stack.push(frame(position, event.type === EVENT_ID.MAPPING, expanded - 1, anchor));
        break;
      }
      case EVENT_ID.POP: {
        const closed = stack.pop();
        if (closed?.anchor) anchors.set(closed.anchor, expanded - closed.expandedAtOpen);
        break;
      }
    }
  }
  return root ? { root } : {};
}

/** A node's children, made on its first. */
function childrenOf(node: PositionNode): NonNullable<PositionNode['children']> {
  node.children ??= new Map();
  return node.children;
}

function frame(node: PositionNode | undefined, isMap: boolean, expandedAtOpen: number, anchor: string | undefined): Frame {
  return { node, isMap, expectKey: isMap, key: undefined, keyStart: 0, index: 0, expandedAtOpen, anchor };
}
