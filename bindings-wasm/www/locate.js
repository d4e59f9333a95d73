// Maps a finding's or error's location to a range of the input text, for highlighting:
// line/column (1-based, columns in characters) and RFC 6901 JSON Pointers (a small JSON scanner
// that finds where the pointed-to member or value is written), also inside the JSON-LD script
// blocks of an HTML page. Offsets are JavaScript string indexes (UTF-16 code units).

/** Offset of 1-based `line`:`column` (column in Unicode characters), or null. */
export function lineColumnToOffset(text, line, column = 1) {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  let offset = start;
  for (let c = 1; c < column && offset < text.length && text[offset] !== "\n"; c++) {
    offset += text.codePointAt(offset) > 0xffff ? 2 : 1;
  }
  return offset;
}

/** The range from `offset` to the end of its line (whitespace trimmed), or the whole line. */
function restOfLine(text, offset) {
  let end = text.indexOf("\n", offset);
  if (end < 0) end = text.length;
  while (end > offset && /\s/.test(text[end - 1])) end--;
  if (end > offset) return { start: offset, end };
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return { start: lineStart, end: Math.max(end, lineStart + 1) };
}

/** Decodes a JSON Pointer into its reference tokens. */
export function pointerTokens(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return null;
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * The range where the value at `pointer` is written in the JSON `text` (for an object member:
 * from its key to the end of its value), starting the scan at `from`; null if not found.
 */
export function locatePointer(text, pointer, from = 0) {
  const tokens = pointerTokens(pointer);
  if (tokens === null) return null;
  const ws = (i) => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
    return i;
  };
  const stringEnd = (i) => {
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
    return j + 1;
  };
  const skipValue = (i) => {
    i = ws(i);
    const c = text[i];
    if (c === '"') return stringEnd(i);
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i = ws(i + 1);
      if (text[i] === close) return i + 1;
      while (i < text.length) {
        if (c === "{") {
          i = ws(stringEnd(ws(i)));
          i++; // ':'
        }
        i = ws(skipValue(i));
        if (text[i] === ",") i = ws(i + 1);
        else return text[i] === close ? i + 1 : i;
      }
      return i;
    }
    while (i < text.length && !",}] \t\r\n".includes(text[i])) i++;
    return i;
  };
  const find = (i, depth) => {
    i = ws(i);
    if (depth === tokens.length) return { start: i, end: skipValue(i) };
    const token = tokens[depth];
    if (text[i] === "{") {
      i = ws(i + 1);
      while (i < text.length && text[i] === '"') {
        const keyStart = i;
        const keyEnd = stringEnd(i);
        let key;
        try {
          key = JSON.parse(text.slice(keyStart, keyEnd));
        } catch {
          return null;
        }
        i = ws(keyEnd);
        if (text[i] !== ":") return null;
        const valueStart = ws(i + 1);
        if (key === token) {
          if (depth + 1 === tokens.length) return { start: keyStart, end: skipValue(valueStart) };
          return find(valueStart, depth + 1);
        }
        i = ws(skipValue(valueStart));
        if (text[i] !== ",") return null;
        i = ws(i + 1);
      }
      return null;
    }
    if (text[i] === "[") {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return null;
      const index = Number(token);
      i = ws(i + 1);
      for (let n = 0; i < text.length && text[i] !== "]"; n++) {
        if (n === index) return find(i, depth + 1);
        i = ws(skipValue(i));
        if (text[i] !== ",") return null;
        i = ws(i + 1);
      }
      return null;
    }
    return null;
  };
  return find(from, 0);
}

/** Ranges of the contents of the `<script type="application/ld+json">` blocks of an HTML page. */
export function scriptBlocks(html) {
  const blocks = [];
  const open = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>/gi;
  let m;
  while ((m = open.exec(html)) !== null) {
    const start = m.index + m[0].length;
    const close = html.toLowerCase().indexOf("</script", start);
    const end = close < 0 ? html.length : close;
    blocks.push({ start, end });
    open.lastIndex = end;
  }
  return blocks;
}

/** The text range a location refers to, or null when it cannot be placed. */
export function locate(text, location) {
  if (!location) return null;
  if (location.pointer !== undefined && location.pointer !== null) {
    let from = 0;
    let to = text.length;
    if (location.block !== undefined && location.block !== null) {
      const block = scriptBlocks(text)[location.block];
      if (block) ({ start: from, end: to } = block);
    }
    const range = locatePointer(text.slice(0, to), location.pointer, from);
    if (range && range.end > range.start) return range;
  }
  if (location.line) {
    const offset = lineColumnToOffset(text, location.line, location.column ?? 1);
    if (offset !== null) return restOfLine(text, offset);
  }
  return null;
}
