/**
 * Where a text sends its reader in the documentation, and what a Markdown
 * page offers to be sent to: its headings and their GitHub anchors.
 */

/** One pointer at a file of the repository, and maybe at a part of it. */
export interface DocReference {
  /** The file it was found in, relative to the repository, and the line. */
  from: string;
  line: number;
  /** The file pointed at, relative to the repository (forward slashes). */
  target: string;
  /** A `#fragment`, decoded. */
  anchor?: string;
  /** A heading named in words: 的“…”一节 or , "…". */
  heading?: string;
  /** The pointer as written. */
  text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The lines of a Markdown text that are not inside fenced code blocks (others become empty, so line numbers hold). */
function outsideFences(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split(/\r?\n/).map((line) => {
    const marks = FENCE.exec(line)?.[1];
    if (fence === undefined) {
      if (!marks) return line;
      fence = marks;
      return '';
    }
    // A fence closes with a line of the same marks, at least as many, and nothing else.
    if (marks && marks[0] === fence[0] && marks.length >= fence.length && line.trim() === marks) fence = undefined;
    return '';
  });
}

/** A heading's text as GitHub shows it: without code marks, emphasis, links' addresses or tags. */
function headingText(source: string): string {
  return source
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .replace(/(\*\*|__|\*)/g, '')
    .trim();
}

/**
 * GitHub's anchor for a heading: lower case, every character that is not a
 * letter, mark, digit, connector (_), hyphen or space dropped, spaces made
 * hyphens. Chinese characters are letters and stay; full-width punctuation
 * （）“”、：。 is dropped: "三、下步工作打算（必写）" → "三下步工作打算必写".
 */
export function githubSlug(heading: string): string {
  return headingText(heading)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** A page's ATX headings (outside code blocks), as text, and their anchors with GitHub's -1, -2 for repeats. */
export function headingsOf(markdown: string): { texts: Set<string>; anchors: Set<string> } {
  const texts = new Set<string>();
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of outsideFences(markdown)) {
    const match = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!match) continue;
    texts.add(headingText(match[1]!));
    const slug = githubSlug(match[1]!);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return { texts, anchors };
}

const posix = {
  dirname: (file: string) => file.slice(0, Math.max(0, file.lastIndexOf('/'))),
  /** `base/relative`, with `.` and `..` resolved. */
  join(base: string, relative: string): string {
    const parts: string[] = [];
    for (const part of `${base}/${relative}`.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop();
      else parts.push(part);
    }
    return parts.join('/');
  },
};

const decode = (anchor: string) => {
  try {
    return decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
};

/** Markdown links and images of a page, outside code, that lead to a file of the repository or a heading of the page. */
export function markdownLinks(from: string, markdown: string): DocReference[] {
  const references: DocReference[] = [];
  outsideFences(markdown).forEach((line, index) => {
    const prose = line.replace(/(`+)[^`]*?\1/g, '');
    for (const match of prose.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)) {
      const address = match[1]!;
      if (/^[a-z][a-z+.-]*:/i.test(address)) continue;
      const [file = '', anchor] = address.split('#', 2);
      references.push({
        from,
        line: index + 1,
        target: file === '' ? from : posix.join(posix.dirname(from), decode(file)),
        ...(anchor !== undefined ? { anchor: decode(anchor) } : {}),
        text: match[0],
      });
    }
  });
  return references;
}

/**
 * Pointers written in words, in any text (messages, comments, examples of
 * output): `docs/x.md`, `docs/x.md#anchor`, `docs/x.md 的“标题”一节` and
 * `docs/x.md, "Heading"`, each relative to the repository.
 */
export function writtenPointers(from: string, text: string): DocReference[] {
  const references: DocReference[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const pattern = /(?<![\w/.-])(docs\/[\w./-]*?\.md)(?:#([^\s)"'`，。；）\]]+))?(?: ?的“([^”]+)”一节|, "([^"]+)")?/gu;
    for (const match of line.matchAll(pattern)) {
      const [text, target, anchor, zhHeading, enHeading] = match;
      const heading = zhHeading ?? enHeading;
      references.push({
        from,
        line: index + 1,
        target: target!,
        ...(anchor !== undefined ? { anchor: decode(anchor) } : {}),
        ...(heading !== undefined ? { heading } : {}),
        text,
      });
    }
  });
  return references;
}
