// RFC 4180 CSV: quoting one field for writing, and reading a whole file into rows.
import { readFileSync } from 'node:fs';
import { Failure } from './args.mjs';

const NEEDS_QUOTES = /[",\r\n]/;

// The field as written in a CSV row: quoted (with quotes doubled) only when it holds a quote,
// a comma or a line break.
export function csvField(value) {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// Calls onRow(fields) for every row of `text` (an array of strings; the header is a row too).
// Accepts LF or CRLF line ends, a final line with or without a line end, quoted fields with
// doubled quotes and line breaks inside. Skips empty lines. Throws on a quote left open.
export function parseCsv(text, onRow) {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end > pos && text[end - 1] === '\r' ? end - 1 : end);
    if (!line.includes('"')) {
      if (line !== '') onRow(line.split(','));
      pos = end + 1;
    } else {
      pos = parseQuotedRow(text, pos, onRow);
    }
  }
}

// Reads `path` (UTF-8) and parses it as parseCsv does; a file that cannot be read is a Failure.
export function readCsv(path, onRow) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Failure(`cannot read ${path}: ${error.code ?? error.message}`);
  }
  parseCsv(text, onRow);
}

// Parses one row holding at least one quote, starting at `pos`; returns the position after
// the row's line end.
function parseQuotedRow(text, pos, onRow) {
  const fields = [];
  let field = '';
  let i = pos;
  for (;;) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) throw new Failure(`CSV: a quoted field opened at offset ${pos} is never closed`);
        field += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    }
    const c = text[i];
    if (c === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r' || i >= text.length) {
      fields.push(field);
      onRow(fields);
      if (c === '\r') i++;
      return text[i] === '\n' ? i + 1 : i;
    } else {
      field += c;
      i++;
    }
  }
}

// The column index of each name in `header` (an array of field names); throws, naming the
// file, when one is missing.
export function columns(header, names, file) {
  const found = {};
  for (const name of names) {
    const index = header.indexOf(name);
    if (index === -1) throw new Failure(`${file}: no column "${name}" in the header (${header.join(',')})`);
    found[name] = index;
  }
  return found;
}
