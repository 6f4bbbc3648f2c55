#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 4842:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ parseArgs),
/* harmony export */   e: () => (/* binding */ UsageError)
/* harmony export */ });
// A deliberately small argument parser: the command line has a handful of flags,
// and a dependency for that would be more code to audit than this.
class UsageError extends Error {
}
/** `valued` lists flags that take a value (`--badge PATH` or `--badge=PATH`). */
function parseArgs(argv, valued) {
    const positionals = [];
    const flags = new Map();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (arg.startsWith('--') || (arg.startsWith('-') && arg.length === 2)) {
            const eq = arg.indexOf('=');
            const name = (eq === -1 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
            if (valued.includes(name)) {
                const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
                if (value === undefined || value === '')
                    throw new UsageError(`--${name} needs a value`);
                flags.set(name, value);
            }
            else {
                if (eq !== -1)
                    throw new UsageError(`--${name} takes no value`);
                flags.set(name, true);
            }
        }
        else {
            positionals.push(arg);
        }
    }
    return { command: positionals.shift(), positionals, flags };
}


/***/ }),

/***/ 6762:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ SYNC_FLAGS)
/* harmony export */ });
// The flags of plan and sync, named like the action's inputs. They live apart
// from the sync command so that parsing a command line loads nothing of Octokit.
const SYNC_FLAGS = [
    'repo',
    'path',
    'badge',
    'label',
    'branch',
    'conflict',
    'commit-message',
    'commit',
    'sync-titles',
    'milestones',
    'max-writes',
    'config'
];


/***/ }),

/***/ 1297:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ retitleEdit),
/* harmony export */   _8: () => (/* binding */ counterEdits),
/* harmony export */   ct: () => (/* binding */ applyEdits),
/* harmony export */   dl: () => (/* binding */ staleCounters),
/* harmony export */   g7: () => (/* binding */ setCheckedEdit)
/* harmony export */ });
/* unused harmony export fixCounters */
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9997);

function applyEdits(source, edits) {
    const sorted = [...edits].sort((a, b) => a.line - b.line || a.start - b.start);
    for (let k = 1; k < sorted.length; k++) {
        const a = sorted[k - 1];
        const b = sorted[k];
        if (a.line === b.line && b.start < a.end)
            throw new Error(`overlapping edits at line ${b.line + 1}`);
    }
    // One walk over the line starts, copying the untouched text between edits as
    // slices: no array of lines, so a large file with a few edits stays cheap.
    const lines = new LineStarts(source);
    let out = '';
    let copied = 0;
    for (const edit of sorted) {
        const span = lines.find(edit.line);
        if (!span || edit.start < 0 || edit.start > edit.end || edit.end > span.end - span.start) {
            throw new Error(`edit out of range at line ${edit.line + 1}`);
        }
        out += source.slice(copied, span.start + edit.start) + edit.text;
        copied = span.start + edit.end;
    }
    return out + source.slice(copied);
}
/** Where each line starts and ends (without its ending), found walking forward only. */
class LineStarts {
    line = 0;
    start;
    source;
    /** The next '\n' and '\r' at or after `start` (searched natively, each only once passed). */
    nextLf = -1;
    nextCr = -1;
    constructor(source) {
        this.source = source;
        this.start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    }
    find(line) {
        const { source } = this;
        for (;;) {
            // Lines are asked for in order, so once past the last line nothing is left.
            if (this.start >= source.length)
                return null;
            const end = this.lineEnd();
            if (this.line === line)
                return { start: this.start, end };
            this.line++;
            this.start =
                end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
        }
    }
    lineEnd() {
        const { source, start } = this;
        if (this.nextLf < start)
            this.nextLf = next(source, '\n', start);
        if (this.nextCr < start)
            this.nextCr = next(source, '\r', start);
        return Math.min(this.nextLf, this.nextCr);
    }
}
/** Where `char` next stands from `from` on, or the end of the text. */
function next(source, char, from) {
    const at = source.indexOf(char, from);
    return at === -1 ? source.length : at;
}
function setCheckedEdit(goal, checked) {
    if (goal.checked === checked)
        return null;
    return { line: goal.line, start: goal.boxAt, end: goal.boxAt + 1, text: checked ? 'x' : ' ' };
}
/** The new title is put on one line; surrounding white space of the old text is kept. */
function retitleEdit(goal, title) {
    const clean = title.replace(/[\r\n]+/g, ' ').trim();
    if (clean === '')
        throw new Error('a goal title cannot be empty');
    if (clean === goal.title)
        return null;
    return { line: goal.line, start: goal.titleStart, end: goal.titleEnd, text: clean };
}
/** Edits that make every counter tell the truth: stale ones rewritten, missing category counters added. */
function counterEdits(doc) {
    const edits = [];
    for (const category of doc.categories) {
        const { heading, done, total } = category;
        const wanted = `[${done}/${total}]`;
        if (heading.counter) {
            const c = heading.counter;
            if (c.done !== done || c.total !== total) {
                edits.push({ line: c.line, start: c.start, end: c.end, text: wanted });
            }
        }
        else if (total > 0) {
            edits.push({
                line: heading.line,
                start: heading.insertAt,
                end: heading.insertAt,
                text: ` ${wanted}`
            });
        }
    }
    for (const title of doc.titles) {
        const c = title.counter;
        if (c && (c.done !== doc.done || c.total !== doc.total)) {
            edits.push({ line: c.line, start: c.start, end: c.end, text: `[${doc.done}/${doc.total}]` });
        }
    }
    return edits;
}
function staleCounters(doc) {
    const stale = [];
    const check = (name, line, c, done, total) => {
        const expected = `[${done}/${total}]`;
        const found = c ? `[${c.done}/${c.total}]` : null;
        if (found !== expected && (c !== null || total > 0))
            stale.push({ line: line + 1, name, found, expected });
    };
    for (const category of doc.categories) {
        check(category.name, category.heading.line, category.heading.counter, category.done, category.total);
    }
    for (const title of doc.titles) {
        if (title.counter)
            check(title.name, title.line, title.counter, doc.done, doc.total);
    }
    return stale.sort((a, b) => a.line - b.line);
}
/**
 * Rewrites the counters of a goals file; returns the same string when nothing is
 * stale. Counters need counts only, so no goal is built, kept or told apart.
 */
function fixCounters(source, options = {}) {
    return applyEdits(source, counterEdits(tallyGoals(source, options)));
}


/***/ }),

/***/ 9997:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  GU: () => (/* binding */ parseGoals),
  fu: () => (/* binding */ streamGoals),
  Du: () => (/* binding */ tallyGoals)
});

// UNUSED EXPORTS: countGoals

;// CONCATENATED MODULE: ./.build/goals/blocks.js
// Recognisers for the CommonMark/GFM block starts that decide what a line is.
// Each takes the line and the index of its first non-blank character (after any
// container markers), and tests the cheapest thing first: most lines of a goals
// file are told apart by their first character alone.
function listMarker(text, at) {
    const c = text.charCodeAt(at);
    let end;
    let ordered = false;
    if (c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */) {
        end = at + 1;
    }
    else if (c >= 48 && c <= 57) {
        end = at + 1;
        while (end - at < 10 && isDigit(text.charCodeAt(end)))
            end++;
        const d = text.charCodeAt(end);
        if (end - at > 9 || (d !== 46 /* . */ && d !== 41) /* ) */)
            return null;
        end++;
        ordered = true;
    }
    else
        return null;
    const after = text.charCodeAt(end);
    if (end < text.length && after !== 32 && after !== 9)
        return null;
    return {
        marker: text.slice(at, end),
        end,
        ordered,
        start: ordered ? Number(text.slice(at, end - 1)) : 0,
        empty: isBlankFrom(text, end)
    };
}
/** `***`, `- - -`, `___`: three or more of one character, spaces allowed between. */
function isThematicBreak(text, at) {
    const c = text.charCodeAt(at);
    if (c !== 45 && c !== 42 && c !== 95 /* _ */)
        return false;
    let count = 0;
    for (let k = at; k < text.length; k++) {
        const d = text.charCodeAt(k);
        if (d === c)
            count++;
        else if (d !== 32 && d !== 9)
            return false;
    }
    return count >= 3;
}
/** A setext underline: only `=` or only `-`, then spaces. */
function setextLevel(text, at) {
    const c = text.charCodeAt(at);
    if (c !== 61 /* = */ && c !== 45)
        return 0;
    let k = at;
    while (text.charCodeAt(k) === c)
        k++;
    return isBlankFrom(text, k) ? (c === 61 ? 1 : 2) : 0;
}
function fenceOpen(text, at) {
    const c = text.charCodeAt(at);
    if (c !== 96 /* ` */ && c !== 126 /* ~ */)
        return null;
    let k = at;
    while (text.charCodeAt(k) === c)
        k++;
    if (k - at < 3)
        return null;
    // A backtick fence's info string cannot hold a backtick (it would be inline code).
    if (c === 96 && text.indexOf('`', k) !== -1)
        return null;
    return { char: c, length: k - at };
}
function closesFence(text, at, fence) {
    let k = at;
    while (text.charCodeAt(k) === fence.char)
        k++;
    return k - at >= fence.length && isBlankFrom(text, k);
}
const BLOCK_TAGS = new Set(('address article aside base basefont blockquote body caption center col colgroup dd ' +
    'details dialog dir div dl dt fieldset figcaption figure footer form frame frameset ' +
    'h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav ' +
    'noframes ol optgroup option p param search section summary table tbody td tfoot th ' +
    'thead title tr track ul').split(' '));
const RAW_OPEN = /^<(script|pre|style|textarea)(?=[\s>]|$)/i;
const RAW_CLOSE = /<\/(script|pre|style|textarea)>/i;
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const WHOLE_TAG = new RegExp(`^(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\\s*/?>|</[A-Za-z][A-Za-z0-9-]*\\s*>)[ \\t]*$`);
/**
 * The end condition of an HTML block starting here, or null. `interrupting`:
 * the line follows paragraph text, which only kinds 1–6 may interrupt.
 */
function htmlBlockStart(text, at, interrupting) {
    if (text.charCodeAt(at) !== 60 /* < */)
        return null;
    const rest = at === 0 ? text : text.slice(at);
    if (RAW_OPEN.test(rest))
        return RAW_CLOSE;
    if (rest.startsWith('<!--'))
        return /-->/;
    if (rest.startsWith('<?'))
        return /\?>/;
    if (rest.startsWith('<![CDATA['))
        return /\]\]>/;
    if (/^<![A-Za-z]/.test(rest))
        return />/;
    const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/.exec(rest);
    if (name && BLOCK_TAGS.has(name[1].toLowerCase())) {
        const after = rest.charCodeAt(name[0].length);
        if (after !== 47 /* / */ || rest.charCodeAt(name[0].length + 1) === 62)
            return 'blank';
    }
    if (!interrupting && WHOLE_TAG.test(rest))
        return 'blank';
    return null;
}
/** Cells of a table row, as GFM counts them (outer pipes optional, `\|` is text). */
function tableCells(row) {
    let cells = 1;
    for (let k = 0; k < row.length; k++) {
        const c = row.charCodeAt(k);
        if (c === 92 /* \ */)
            k++;
        else if (c === 124 /* | */)
            cells++;
    }
    const t = row.trim();
    if (t.startsWith('|'))
        cells--;
    if (t.length > 1 && t.endsWith('|') && !t.endsWith('\\|'))
        cells--;
    return cells;
}
/** A delimiter row (`| --- | :-: |`): its column count, or 0. */
function delimiterColumns(text, at) {
    const t = text.slice(at).trim();
    if (!/^[|:-]/.test(t) || /^-[ \t]/.test(t) || !/^[|:\- \t]+$/.test(t))
        return 0;
    const parts = t.split('|');
    let columns = 0;
    for (let i = 0; i < parts.length; i++) {
        const p = parts[i].trim();
        if (p === '') {
            if (i === 0 || i === parts.length - 1)
                continue;
            return 0;
        }
        if (!/^:?-+:?$/.test(p))
            return 0;
        columns++;
    }
    return columns;
}
function isBlankFrom(text, at) {
    for (let k = at; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (c !== 32 && c !== 9)
            return false;
    }
    return true;
}
function isDigit(c) {
    return c >= 48 && c <= 57;
}

;// CONCATENATED MODULE: ./.build/goals/heading.js
/** `[12/34]` at `at`: its numbers and where it ends, or null. */
function counterAt(text, at) {
    if (text.charCodeAt(at) !== 91 /* [ */)
        return null;
    let k = at + 1;
    const doneStart = k;
    while (heading_isDigit(text.charCodeAt(k)))
        k++;
    if (k === doneStart || text.charCodeAt(k) !== 47 /* / */)
        return null;
    const done = Number(text.slice(doneStart, k));
    const totalStart = ++k;
    while (heading_isDigit(text.charCodeAt(k)))
        k++;
    if (k === totalStart || text.charCodeAt(k) !== 93 /* ] */)
        return null;
    return { done, total: Number(text.slice(totalStart, k)), end: k + 1 };
}
// Letters and digits make words; anything else after a counter is decoration.
const WORDY = /[\p{L}\p{N}]/u;
/** The level of an ATX heading whose hashes start at `at`, or 0. */
function atxLevel(text, at) {
    let k = at;
    while (text.charCodeAt(k) === 35 /* # */)
        k++;
    const level = k - at;
    if (level === 0 || level > 6)
        return 0;
    const c = text.charCodeAt(k);
    return k === text.length || c === 32 || c === 9 ? level : 0;
}
/**
 * The heading whose `level` hashes start at `at`, as `atxLevel` found it: the
 * character at `start` (just past the hashes) is white space or the line's end,
 * so no backward scan below goes past it.
 */
function parseHeading(text, at, line, level) {
    const start = at + level;
    let end = trimEndIndex(text, start);
    // An optional closing run of '#' after white space is not part of the text.
    let k = end;
    while (k > start && text.charCodeAt(k - 1) === 35)
        k--;
    if (k < end && isSpace(text.charCodeAt(k - 1)))
        end = trimEndIndex(text, start, k);
    // The counter is the last '[' that reads as [n/m] with only decoration after it.
    for (let open = text.lastIndexOf('[', end - 1); open >= start; open = text.lastIndexOf('[', open - 1)) {
        const found = counterAt(text, open);
        if (!found)
            continue;
        if (!isSpace(text.charCodeAt(open - 1)))
            break;
        if (WORDY.test(text.slice(found.end, end)))
            break;
        const insertAt = trimEndIndex(text, start, open);
        return {
            line,
            level,
            name: text.slice(start, insertAt).trim(),
            counter: {
                done: found.done,
                total: found.total,
                line,
                start: open,
                end: found.end,
                ownLine: false
            },
            insertAt
        };
    }
    return { line, level, name: text.slice(start, end).trim(), counter: null, insertAt: end };
}
/** A line that is only a counter (white space around it allowed). */
function ownLineCounter(text, line) {
    let at = 0;
    while (isSpace(text.charCodeAt(at)))
        at++;
    const found = counterAt(text, at);
    if (!found || trimEndIndex(text, found.end) !== found.end)
        return null;
    return { done: found.done, total: found.total, line, start: at, end: found.end, ownLine: true };
}
/** Index just past the last non-blank character of text[from, to). */
function trimEndIndex(text, from, to = text.length) {
    let k = to;
    while (k > from && isSpace(text.charCodeAt(k - 1)))
        k--;
    return k;
}
function isSpace(c) {
    return c === 32 || c === 9;
}
function heading_isDigit(c) {
    return c >= 48 && c <= 57;
}

;// CONCATENATED MODULE: ./.build/goals/parse.js
// Parses a goals file into the model, in one pass over its lines, following
// CommonMark/GFM block structure exactly as far as it decides what is a goal, a
// heading or a counter: container blocks (list items, block quotes, laziness),
// fences, indented code, HTML blocks, tables, setext headings, front matter.
// Deliberate departures (README, "Decisions"): every paragraph line that starts
// with a box is a goal, bare or not; task items inside block quotes are not goals;
// only top-level ATX headings are categories.


const NONE = 0;
const PARAGRAPH = 1;
const FENCE = 2;
const HTML = 3;
const CODE = 4;
const TABLE = 5;
/** Counting: how many final goals (streaming, and warnings) are held before they are let go. */
const SETTLE_BATCH = 256;
function parseGoals(source, options = {}) {
    return readText(source, reader(options, true, null));
}
/**
 * The document as `parseGoals` reads it, without the goals: `goals` and each
 * category's `goals` are empty; counts, headings, counters and warnings are the
 * same. What `check` needs, in a fraction of the memory on a large file.
 */
function countGoals(source, options = {}) {
    return readText(source, reader(options, false, null));
}
/**
 * Counts, headings and counters as `parseGoals` reads them, and nothing per goal:
 * no goals, no parents, no duplicate-goal warnings (other warnings are kept).
 * What rewriting counters needs, without building an object or cutting a title
 * for every goal.
 */
function tallyGoals(source, options = {}) {
    return readText(source, reader(options, false, null, false, true));
}
/**
 * `countGoals` fed line by line, handing goals and warnings to `settled` as they
 * become final instead of keeping them: the document it ends with has neither.
 * Without `duplicates`, titles are not remembered: no duplicate-goal warnings,
 * every `occurrence` 0, and no memory growing with the number of titles (for a
 * second read that only needs the goals again).
 */
function streamGoals(settled, options = {}, duplicates = true) {
    return reader(options, false, settled, duplicates);
}
function readText(source, into) {
    const lines = new LineReader(source);
    for (let text = lines.next(); text !== null; text = lines.next())
        into.line(text);
    return into.end();
}
function reader(options, keep, settled, duplicates = true, tally = false) {
    const categoryLevel = options.categoryLevel ?? 2;
    const goals = [];
    const categories = [];
    const titles = [];
    const warnings = [];
    /** Per category name, how often each title was seen (duplicates are told apart by order). */
    const seen = new Map();
    let occurrences = new Map();
    seen.set(null, occurrences);
    let current = null;
    let awaitingCounter = null;
    const containers = [];
    let leaf = NONE;
    let fence = null;
    let htmlEnd = 'blank';
    /** The open paragraph: its first line, its last line's cells. */
    let paragraphLine = 0;
    let lastCells = 0;
    let done = 0;
    /** Goals no longer held (counting only): only the open paragraph's may still be taken back. */
    let dropped = 0;
    /** Tallying: the goals held, each as `line * 2 + checked`, in `tallied[0, held)`. */
    const tallied = [];
    let held = 0;
    const heldCount = () => (tally ? held : goals.length);
    const closeLeaf = () => {
        leaf = NONE;
    };
    /** A setext underline or a table's delimiter row turns paragraph lines from `fromLine` on into something else. */
    const retract = (fromLine) => {
        // Goals are held in line order, so those of the paragraph are the last ones, all
        // in the current category. Only one list holds any: `held` stays 0 unless
        // tallying (and `tallied[-1]` is undefined, never >=), `goals` stays empty if so.
        while (tallied[held - 1] >= fromLine * 2) {
            const checked = tallied[--held] % 2;
            done -= checked;
            if (current) {
                current.total--;
                current.done -= checked;
            }
        }
        while (goals.length > 0 && goals.at(-1).line >= fromLine) {
            const g = goals.pop();
            if (g.checked)
                done--;
            if (current) {
                current.goals.pop(); // empty unless keeping goals
                current.total--;
                if (g.checked)
                    current.done--;
            }
            if (duplicates)
                occurrences.set(g.title, g.occurrence);
        }
        for (const c of containers)
            if (c.goal >= dropped + heldCount())
                c.goal = -1;
        for (let w = warnings.length - 1; w >= 0 && warnings[w].line > fromLine; w--) {
            warnings.pop();
        }
    };
    /** The first non-blank character from `from` on, and its column (tabs stop every 4). */
    let ns = 0;
    let nsCol = 0;
    const skipBlanks = (text, from, fromCol) => {
        ns = from;
        nsCol = fromCol;
        for (;;) {
            const ch = text.charCodeAt(ns); // NaN past the end: no blank
            if (ch === 32)
                nsCol++;
            else if (ch === 9)
                nsCol += 4 - (nsCol % 4);
            else
                break;
            ns++;
        }
    };
    /** Lines held while a first `---` may open front matter: it does only if a closing line follows. */
    let front = null;
    let count = 0;
    let i = -1;
    const line = (text) => {
        count++;
        if (front !== null) {
            front.push(text);
            if (/^(---|\.\.\.)[ \t]*$/.test(text)) {
                i += front.length;
                front = null;
            }
        }
        else if (count === 1 && /^---[ \t]*$/.test(text))
            front = [text];
        else
            blockLine(text);
    };
    const blockLine = (text) => {
        i++;
        // 1. Which open containers does this line continue?
        let pos = 0;
        let realCol = 0;
        let col = 0;
        let matched = 0;
        for (; matched < containers.length; matched++) {
            const c = containers[matched];
            skipBlanks(text, pos, realCol);
            if (c.quote) {
                if (nsCol - col > 3 || text.charCodeAt(ns) !== 62)
                    break;
                pos = ns + 1;
                realCol = nsCol + 1;
                col = realCol;
                const after = text.charCodeAt(pos);
                if (after === 32) {
                    pos++;
                    realCol++;
                    col++;
                }
                else if (after === 9)
                    col++;
            }
            else if (ns === text.length) {
                if (c.empty)
                    break;
            }
            else if (nsCol >= c.col) {
                col = c.col;
            }
            else
                break;
        }
        skipBlanks(text, pos, realCol);
        const allMatched = matched === containers.length;
        // 2. Inside a fence or an HTML block, only its end matters.
        if (allMatched && leaf === FENCE) {
            if (nsCol - col <= 3 && closesFence(text, ns, fence))
                leaf = NONE;
            return;
        }
        if (allMatched && leaf === HTML) {
            if (htmlEnd === 'blank') {
                if (ns === text.length)
                    leaf = NONE;
            }
            else if (htmlEnd.test(text.slice(ns)))
                leaf = NONE;
            return;
        }
        // 3. A paragraph goes on lazily where no new block starts.
        if (!allMatched && leaf === PARAGRAPH && ns < text.length && isLazy(text, ns, nsCol - col)) {
            addParagraphLine(text, ns, i, '', ns);
            return;
        }
        if (!allMatched) {
            // A leaf block always sits in the innermost container: it ends with it.
            closeLeaf();
            containers.length = matched;
        }
        // 4. New containers: block quotes and list items.
        let opened = false;
        let marker = '';
        let markerAt = 0;
        let ownItem = null;
        for (;;) {
            if (ns === text.length || nsCol - col >= 4)
                break;
            const ch = text.charCodeAt(ns);
            if (ch === 62 /* > */) {
                containers.push({ quote: true, col: 0, goal: -1, empty: false });
                pos = ns + 1;
                realCol = nsCol + 1;
                col = realCol;
                const after = text.charCodeAt(pos);
                if (after === 32) {
                    pos++;
                    realCol++;
                    col++;
                }
                else if (after === 9)
                    col++;
            }
            else {
                if (isThematicBreak(text, ns))
                    break;
                const m = listMarker(text, ns);
                if (!m)
                    break;
                const interrupting = leaf === PARAGRAPH && !opened;
                if (interrupting && (m.empty || (m.ordered && m.start !== 1)))
                    break;
                const markerEnd = nsCol + (m.end - ns);
                markerAt = ns;
                skipBlanks(text, m.end, markerEnd);
                const cs = ns;
                const csCol = nsCol;
                const content = cs === text.length || csCol - markerEnd > 4 ? markerEnd + 1 : csCol;
                // Empty until a line with content: this one, unless it is blank after the marker.
                ownItem = { quote: false, col: content, goal: -1, empty: true };
                containers.push(ownItem);
                marker = m.marker;
                pos = m.end;
                realCol = markerEnd;
                col = content;
            }
            opened = true;
            skipBlanks(text, pos, realCol);
        }
        if (opened) {
            closeLeaf();
            // `>` or `-` alone is not a blank line: a counter can no longer follow.
            awaitingCounter = null;
        }
        const indent = nsCol - col;
        // 5. The leaf block this line belongs to.
        if (ns === text.length) {
            // Ends a paragraph or a table; indented code goes on if indented code follows.
            closeLeaf();
            return;
        }
        for (const c of containers)
            c.empty = false;
        if (awaitingCounter) {
            // The first non-blank line after the heading, at the top level (a line that
            // opened a container cleared it): the heading's counter if it is only that.
            const heading = awaitingCounter;
            awaitingCounter = null;
            const counter = indent < 4 ? ownLineCounter(text, i) : null;
            if (counter) {
                heading.counter = counter;
                startParagraph(i);
                lastCells = 0;
                return;
            }
        }
        // From here the leaf is a paragraph, a table, indented code or none (fences and
        // HTML blocks returned above or ended with their container), and every way on
        // sets it anew: indented code ends at any line not indented as code.
        if (indent >= 4) {
            if (leaf === PARAGRAPH)
                addParagraphLine(text, ns, i, '', ns);
            else
                leaf = CODE;
            return;
        }
        if (leaf === PARAGRAPH) {
            const setext = setextLevel(text, ns);
            if (setext !== 0) {
                retract(paragraphLine);
                closeLeaf();
                return;
            }
            if (lastCells > 0 && delimiterColumns(text, ns) === lastCells) {
                retract(i - 1);
                leaf = TABLE;
                return;
            }
        }
        const ch = text.charCodeAt(ns);
        if (leaf === TABLE && !startsBlock(text, ns, ch))
            return;
        if (ch === 96 || ch === 126) {
            const open = fenceOpen(text, ns);
            if (open) {
                fence = open;
                leaf = FENCE;
                return;
            }
        }
        else if (ch === 60) {
            const end = htmlBlockStart(text, ns, leaf === PARAGRAPH);
            if (end) {
                htmlEnd = end;
                // The end may overlap the start (`<?>`, `<!-->`): look from the `<` on.
                leaf = end !== 'blank' && end.test(text.slice(ns)) ? NONE : HTML;
                return;
            }
        }
        else if (ch === 35) {
            const level = atxLevel(text, ns);
            if (level > 0) {
                closeLeaf();
                if (containers.length === 0)
                    heading(text, ns, i, level);
                return;
            }
        }
        else if ((ch === 45 || ch === 42 || ch === 95) && isThematicBreak(text, ns)) {
            closeLeaf();
            return;
        }
        if (leaf !== PARAGRAPH)
            startParagraph(i);
        // Cells of the row as a table's header would have them (after the container markers).
        lastCells = text.includes('|') ? tableCells(text.slice(ns)) : 0;
        addParagraphLine(text, ns, i, marker, markerAt, ownItem);
    };
    function startParagraph(line) {
        leaf = PARAGRAPH;
        if (!keep && heldCount() + (settled ? warnings.length : 0) >= SETTLE_BATCH)
            settle();
        paragraphLine = line;
    }
    function heading(text, at, line, level) {
        // Deeper headings stay inside the category and have no counter to keep.
        if (level > categoryLevel)
            return;
        const h = parseHeading(text, at, line, level);
        if (settled)
            h.name = own(h.name);
        if (level === categoryLevel) {
            if (h.name === '')
                warnings.push({ line: line + 1, message: 'category heading has no name' });
            const known = seen.get(h.name);
            if (known) {
                warnings.push({
                    line: line + 1,
                    message: `category "${h.name}" appears more than once; its goals share one label`
                });
                occurrences = known;
            }
            else {
                occurrences = new Map();
                seen.set(h.name, occurrences);
            }
            current = { name: h.name, heading: h, goals: [], done: 0, total: 0 };
            categories.push(current);
        }
        else {
            current = null;
            occurrences = seen.get(null);
            if (level === 1)
                titles.push(h);
        }
        // Only a category's or the title's is kept; others are read and let go.
        if (!h.counter)
            awaitingCounter = h;
    }
    /** A paragraph line: a goal when it starts with a box (outside block quotes). */
    function addParagraphLine(text, at, line, marker, markerAt, ownItem = null) {
        if (text.charCodeAt(at) !== 91 /* [ */ || text.charCodeAt(at + 2) !== 93 /* ] */)
            return;
        const box = text.charCodeAt(at + 1);
        if (box !== 32 && box !== 120 /* x */ && box !== 88 /* X */)
            return;
        const after = text.charCodeAt(at + 3);
        if (at + 3 < text.length && after !== 32 && after !== 9)
            return;
        for (const c of containers)
            if (c.quote)
                return;
        let titleStart = at + 3;
        while (parse_isSpace(text.charCodeAt(titleStart)))
            titleStart++;
        if (tally) {
            if (titleStart === text.length) {
                warnings.push({ line: line + 1, message: 'task item has no text; it is not a goal' });
                return;
            }
            const checked = box === 32 ? 0 : 1;
            tallied[held++] = line * 2 + checked;
            done += checked;
            if (current) {
                current.total++;
                current.done += checked;
            }
            return;
        }
        let titleEnd = text.length;
        while (titleEnd > titleStart && parse_isSpace(text.charCodeAt(titleEnd - 1)))
            titleEnd--;
        if (titleStart === titleEnd) {
            warnings.push({ line: line + 1, message: 'task item has no text; it is not a goal' });
            return;
        }
        const title = text.slice(titleStart, titleEnd);
        const before = occurrences.get(title); // always undefined without duplicates
        const occurrence = before ?? 0;
        if (duplicates)
            occurrences.set(before === undefined && settled ? own(title) : title, occurrence + 1);
        const category = current ? current.name : null;
        if (occurrence > 0)
            warnings.push(new DuplicateGoal(line + 1, title, category));
        // The nearest item holding a goal (an item opened on this line holds none yet).
        let parent = null;
        for (let k = containers.length - 1; k >= 0; k--) {
            const c = containers[k];
            if (c.goal >= 0) {
                parent = c.goal;
                break;
            }
        }
        const checked = box !== 32;
        const index = dropped + goals.length;
        goals.push({
            line,
            indent: text.slice(0, marker === '' ? at : markerAt),
            marker,
            box: checked ? (box === 88 ? 'X' : 'x') : ' ',
            checked,
            boxAt: at + 1,
            title,
            titleStart,
            titleEnd,
            category,
            parent,
            occurrence
        });
        if (ownItem)
            ownItem.goal = index;
        if (checked)
            done++;
        if (current) {
            if (keep)
                current.goals.push(index);
            current.total++;
            if (checked)
                current.done++;
        }
    }
    /**
     * Counting: goals (and, streaming, warnings) before a new paragraph are final.
     * They are let go in batches: emptying the list at every paragraph would
     * reallocate it for nearly every goal.
     */
    function settle() {
        if (settled) {
            settled(goals, warnings);
            warnings.length = 0;
        }
        dropped += heldCount();
        goals.length = 0;
        held = 0;
    }
    const end = () => {
        if (front !== null) {
            // No closing line: the first `---` was a thematic break after all.
            const held = front;
            front = null;
            for (const text of held)
                blockLine(text);
        }
        if (!keep)
            settle();
        return {
            categories,
            goals,
            titles,
            done,
            total: dropped + heldCount(),
            warnings,
            lineCount: count
        };
    };
    return { line, end };
}
/**
 * Large files can hold many duplicate titles: the message of each is written
 * only when read, so a warning costs a few words until it is shown.
 */
class DuplicateGoal {
    line;
    title;
    category;
    constructor(line, title, category) {
        this.line = line;
        this.title = title;
        this.category = category;
    }
    get message() {
        const where = this.category === null ? '' : ` in "${this.category}"`;
        return `duplicate goal "${this.title}"${where}: told apart by order`;
    }
}
/** After containers that did not continue: does this line go on with the paragraph? */
function isLazy(text, at, indent) {
    if (indent >= 4)
        return true;
    const ch = text.charCodeAt(at);
    return !startsBlock(text, at, ch);
}
/** Lines that start a block (list items too) wherever they appear: no lazy line, and the end of a table. */
function startsBlock(text, at, ch) {
    switch (ch) {
        case 62:
            return true;
        case 35:
            return atxLevel(text, at) > 0;
        case 96:
        case 126:
            return fenceOpen(text, at) !== null;
        case 60:
            return htmlBlockStart(text, at, true) !== null;
        case 45:
        case 42:
        case 43:
        case 95:
            return isThematicBreak(text, at) || listMarker(text, at) !== null;
        default:
            return listMarker(text, at) !== null;
    }
}
/**
 * A copy of a string that holds none of the text it was cut from. Streaming, a
 * line is a slice of a whole decoded piece, and a title kept for finding
 * duplicates would keep that piece, and in the end the whole file, alive.
 */
function own(text) {
    return Buffer.from(text).toString();
}
function parse_isSpace(c) {
    return c === 32 || c === 9;
}
/**
 * The lines of a text without their endings ('\n', '\r\n' or '\r'), one at a
 * time, so a large file is never held twice as an array of lines.
 */
class LineReader {
    source;
    at;
    nextLf = -1;
    nextCr = -1;
    constructor(source) {
        this.source = source;
        this.at = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    }
    next() {
        const { source, at } = this;
        if (at >= source.length)
            return null;
        if (this.nextLf < at) {
            this.nextLf = source.indexOf('\n', at);
            if (this.nextLf === -1)
                this.nextLf = Infinity;
        }
        if (this.nextCr < at) {
            this.nextCr = source.indexOf('\r', at);
            if (this.nextCr === -1)
                this.nextCr = Infinity;
        }
        const end = Math.min(this.nextLf, this.nextCr, source.length);
        if (end === this.nextCr && source.charCodeAt(end + 1) === 10)
            this.at = end + 2;
        else
            this.at = end + 1;
        return source.slice(at, end);
    }
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _: () => (/* binding */ HELP),
  a: () => (/* binding */ runCli)
});

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
// EXTERNAL MODULE: ./.build/cli/args.js
var cli_args = __nccwpck_require__(4842);
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
// EXTERNAL MODULE: ./.build/goals/edit.js
var edit = __nccwpck_require__(1297);
;// CONCATENATED MODULE: ./.build/goals/feed.js
class NotUtf8Error extends Error {
}
class LineFeed {
    into;
    // Strict, as whole-file reading is: a file that is not UTF-8 is refused, not patched.
    decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    /** The start of a line whose end has not come yet. */
    partial = '';
    /** The last piece ended with '\r': a '\n' opening the next belongs to that line's end. */
    afterCr = false;
    started = false;
    constructor(into) {
        this.into = into;
    }
    bytes(piece) {
        this.text(this.decode(piece, true));
    }
    end() {
        this.text(this.decode(new Uint8Array(0), false));
        if (this.partial !== '')
            this.into.line(this.partial);
        return this.into.end();
    }
    decode(piece, stream) {
        try {
            return this.decoder.decode(piece, { stream });
        }
        catch {
            throw new NotUtf8Error('not UTF-8');
        }
    }
    text(chunk) {
        if (chunk === '')
            return;
        let at = 0;
        if (!this.started) {
            this.started = true;
            if (chunk.charCodeAt(0) === 0xfeff)
                at = 1;
        }
        if (this.afterCr && chunk.charCodeAt(at) === 10)
            at++;
        this.afterCr = false;
        const { into } = this;
        // Ends where no line end is left, at the latest once the chunk is used up.
        for (;;) {
            let end = at;
            let c = 0;
            for (; end < chunk.length; end++) {
                c = chunk.charCodeAt(end);
                if (c === 10 || c === 13)
                    break;
            }
            if (end === chunk.length) {
                this.partial += chunk.slice(at);
                return;
            }
            into.line(this.partial + chunk.slice(at, end));
            this.partial = '';
            at = end + 1;
            if (c === 13) {
                if (at === chunk.length)
                    this.afterCr = true;
                else if (chunk.charCodeAt(at) === 10)
                    at++;
            }
        }
    }
}

// EXTERNAL MODULE: ./.build/goals/parse.js + 2 modules
var parse = __nccwpck_require__(9997);
;// CONCATENATED MODULE: ./.build/cli/goals-commands.js
// list, check and fix: the commands that work on a goals file on disk, with no
// GitHub access at all.





class FileError extends Error {
}
// Strict, and keeping the BOM: `fix` writes the text back, so a lossy decode would
// silently replace every byte that is not UTF-8.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function unreadable(path, error) {
    const code = error.code;
    const why = code === 'ENOENT'
        ? 'no such file; check the path'
        : code === 'EISDIR'
            ? 'it is a directory; name the goals file itself'
            : code === 'EACCES'
                ? 'permission denied'
                : String(error.message);
    return new FileError(`cannot read ${path}: ${why}`);
}
const notUtf8 = (path) => new FileError(`cannot read ${path}: it is not UTF-8 text; save it as UTF-8`);
async function readGoalsFile(path) {
    let bytes;
    try {
        bytes = await (0,promises_namespaceObject.readFile)(path);
    }
    catch (error) {
        throw unreadable(path, error);
    }
    try {
        return utf8.decode(bytes);
    }
    catch {
        throw notUtf8(path);
    }
}
const PIECE = 1 << 14;
/**
 * Reads a goals file piece by piece into a streaming reader, never holding its
 * text whole; `drain` runs after each piece, so what the reader handed on (a
 * large file's warnings or goals) is written out before more is read.
 */
async function streamFile(path, level, settled, drain, duplicates = true) {
    const feed = new LineFeed((0,parse/* streamGoals */.fu)(settled, { categoryLevel: level }, duplicates));
    const buffer = new Uint8Array(PIECE);
    let file;
    try {
        file = await (0,promises_namespaceObject.open)(path);
    }
    catch (error) {
        throw unreadable(path, error);
    }
    try {
        for (;;) {
            let got;
            try {
                got = (await file.read(buffer, 0, PIECE)).bytesRead;
            }
            catch (error) {
                throw unreadable(path, error);
            }
            if (got === 0)
                break;
            feed.bytes(buffer.subarray(0, got));
            await drain();
        }
        const doc = feed.end();
        await drain();
        return doc;
    }
    catch (error) {
        throw error instanceof NotUtf8Error ? notUtf8(path) : error;
    }
    finally {
        await file.close();
    }
}
/** Warnings as `path:line: warning: ...` lines, gathered while reading and written after each piece. */
class WarningText {
    text = '';
    path;
    io;
    constructor(path, io) {
        this.path = path;
        this.io = io;
    }
    add(warnings) {
        for (const w of warnings)
            this.text += `${this.path}:${w.line}: warning: ${w.message}\n`;
    }
    async flush() {
        if (this.text === '')
            return;
        const text = this.text;
        this.text = '';
        await this.io.writeErr(text);
    }
}
async function writeOrExplain(path, text) {
    try {
        await (0,promises_namespaceObject.writeFile)(path, text);
    }
    catch (error) {
        const code = error.code;
        const why = code === 'EISDIR'
            ? 'it is a directory'
            : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
                ? 'permission denied'
                : code === 'ENOTDIR' || code === 'ENOENT'
                    ? 'its folder cannot be made'
                    : String(error.message);
        throw new FileError(`cannot write ${path}: ${why}`);
    }
}
/** Categories as `list` shows them: goals before the first category come first, under `null`. */
function listedCategories(doc) {
    const loose = [];
    let looseDone = 0;
    doc.goals.forEach((g, i) => {
        if (g.category !== null)
            return;
        loose.push(i);
        if (g.checked)
            looseDone++;
    });
    const listed = doc.categories.map(c => ({
        name: c.name,
        done: c.done,
        total: c.total,
        goals: c.goals
    }));
    if (loose.length > 0)
        listed.unshift({ name: null, done: looseDone, total: loose.length, goals: loose });
    return listed;
}
/**
 * Warnings in pieces of about 64 KiB, each written once the reader has taken the
 * last: a file with a million duplicate titles would otherwise queue them all.
 */
async function warn(io, path, doc) {
    let chunk = '';
    for (const w of doc.warnings) {
        chunk += `${path}:${w.line}: warning: ${w.message}\n`;
        if (chunk.length > 65536) {
            await io.writeErr(chunk);
            chunk = '';
        }
    }
    if (chunk !== '')
        await io.writeErr(chunk);
}
async function listCommand(path, json, level, io) {
    if (json)
        return listJson(path, level, io);
    const doc = (0,parse/* parseGoals */.GU)(await readGoalsFile(path), { categoryLevel: level });
    await warn(io, path, doc);
    for (const c of listedCategories(doc)) {
        io.out(`${c.name ?? '(no category)'}  [${c.done}/${c.total}]`);
        for (const index of c.goals) {
            const g = doc.goals[index];
            io.out(`  ${g.checked ? '[x]' : '[ ]'} ${g.title}  (line ${g.line + 1})`);
        }
    }
    io.out(`${doc.done}/${doc.total} goals done`);
    return 0;
}
const goalJson = (g) => `{ "title": ${JSON.stringify(g.title)}, "checked": ${g.checked}, "line": ${g.line + 1} }`;
/**
 * `list --json` in two streaming reads: each category's counts come before its
 * goals in the JSON, and goals outside any category come first wherever they
 * stand, so the first read counts (keeping only those loose goals) and the
 * second writes every goal as it settles. Memory stays that of a few pieces.
 */
async function listJson(path, level, io) {
    const warnings = new WarningText(path, io);
    const loose = [];
    let looseDone = 0;
    const counted = await streamFile(path, level, (goals, settled) => {
        warnings.add(settled);
        for (const g of goals) {
            if (g.category !== null)
                continue;
            loose.push(goalJson(g));
            if (g.checked)
                looseDone++;
        }
    }, () => warnings.flush());
    let chunk = '{\n  "categories": [';
    const open = (name, done, total) => `\n    { "name": ${JSON.stringify(name)}, "done": ${done}, "total": ${total}, "goals": [`;
    const close = (total) => (total > 0 ? '\n    ] }' : '] }');
    if (loose.length > 0) {
        chunk += `${open(null, looseDone, loose.length)}\n      ${loose.join(',\n      ')}${close(loose.length)}`;
    }
    const { categories } = counted;
    /** The category being written (index into `categories`) and how many of its goals are out. */
    let at = -1;
    let written = 0;
    const next = () => {
        if (at >= 0)
            chunk += close(categories[at].total);
        at++;
        const c = categories[at];
        chunk += `${loose.length > 0 || at > 0 ? ',' : ''}${open(c.name, c.done, c.total)}`;
        written = 0;
    };
    const again = await streamFile(path, level, goals => {
        for (const g of goals) {
            if (g.category === null)
                continue;
            // Goals come in file order, so a goal past the next heading opens that category.
            while (at < 0 || written === categories[at].total)
                next();
            chunk += `${written === 0 ? '' : ','}\n      ${goalJson(g)}`;
            written++;
        }
    }, async () => {
        if (chunk.length < PIECE)
            return;
        const out = chunk;
        chunk = '';
        await io.write(out);
    }, 
    // The first read told the duplicates; this one needs the goals alone.
    false);
    if (again.total !== counted.total || again.categories.length !== categories.length) {
        throw new FileError(`cannot read ${path}: it changed while being listed`);
    }
    while (at < categories.length - 1)
        next();
    if (at >= 0)
        chunk += close(categories[at].total);
    await io.write(`${chunk}\n  ],\n  "done": ${counted.done},\n  "total": ${counted.total}\n}\n`);
    return 0;
}
async function checkCommand(path, level, io) {
    const warnings = new WarningText(path, io);
    const doc = await streamFile(path, level, (_goals, settled) => warnings.add(settled), () => warnings.flush());
    const stale = (0,edit/* staleCounters */.dl)(doc);
    for (const s of stale) {
        io.out(s.found === null
            ? `${path}:${s.line}: "${s.name}" has no counter; expected ${s.expected}`
            : `${path}:${s.line}: "${s.name}" counter is stale: ${s.found} → ${s.expected}`);
    }
    if (stale.length > 0) {
        io.out(`${stale.length} stale counter(s); run "goals-sync fix ${path}" to rewrite them`);
        return 1;
    }
    io.out(`${path}: all counters are up to date (${doc.done}/${doc.total})`);
    return 0;
}
/**
 * The pictures `fix` can write beside the goals file, by flag. Each renderer is
 * imported only when its flag is given: the badge pulls in badge-maker's font
 * metrics, which a pre-commit `fix` should not pay for.
 */
const PICTURES = {
    badge: async (doc) => (await Promise.all(/* import() */[__nccwpck_require__.e(833), __nccwpck_require__.e(676)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7676))).renderBadge(doc.done, doc.total),
    card: async (doc) => (await Promise.all(/* import() */[__nccwpck_require__.e(833), __nccwpck_require__.e(165)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8165))).renderCardOf([{ title: null, doc }])
};
async function fixCommand(path, pictures, level, io) {
    const source = await readGoalsFile(path);
    // Counters and the badge need counts only (no goal records, no remembered
    // titles: duplicate-title notes are `check`'s); the card lists goals.
    const read = pictures.has('card') ? parse/* parseGoals */.GU : parse/* tallyGoals */.Du;
    const doc = read(source, { categoryLevel: level });
    await warn(io, path, doc);
    const edits = (0,edit/* counterEdits */._8)(doc);
    const fixed = (0,edit/* applyEdits */.ct)(source, edits);
    if (fixed !== source) {
        await writeOrExplain(path, fixed);
        io.out(`${path}: rewrote ${edits.length} counter(s)`);
    }
    else {
        io.out(`${path}: counters already up to date`);
    }
    for (const [kind, target] of pictures) {
        const render = PICTURES[kind];
        if (!render)
            throw new Error(`no renderer for --${kind}`);
        await writePicture(kind, target, await render(doc), `${doc.done}/${doc.total}`, io);
    }
    return 0;
}
async function writePicture(kind, target, svg, shows, io) {
    const prior = await (0,promises_namespaceObject.readFile)(target, 'utf8').catch(() => undefined);
    if (prior === svg) {
        io.out(`${target}: ${kind} already up to date`);
        return;
    }
    await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(target), { recursive: true }).catch(() => { });
    await writeOrExplain(target, svg);
    io.out(`${target}: ${kind} ${shows} written`);
}

// EXTERNAL MODULE: ./.build/cli/sync-flags.js
var sync_flags = __nccwpck_require__(6762);
;// CONCATENATED MODULE: ./.build/cli.js
// The goals-sync command line. Exit codes: 0 fine, 1 `check` found stale
// counters (or a sync failed), 2 the call or a file was wrong.
// Only what every command needs is imported here: plan and sync (Octokit) and
// the renderers (font tables) are loaded when asked for, so that list, check
// and fix start about as fast as Node itself.




const HELP = `goals-sync — keep a goals checklist and GitHub issues in step

Usage:
  goals-sync list FILE [--json]        categories and goals as the action sees them
  goals-sync check FILE                exit 1 naming each stale counter, else 0
  goals-sync fix FILE [--badge PATH] [--card PATH]
                                       rewrite stale counters in place; write the badge and card
  goals-sync plan --repo OWNER/NAME    what a sync would do (reads only)
  goals-sync sync --repo OWNER/NAME    sync the repository's goals file and issues both ways
  goals-sync --help | --version

Options:
  --level N     heading level of categories (default 2)
  --json        with list: JSON; with plan/sync: also print the plan as JSON

plan and sync read the token from GITHUB_TOKEN and the API address from
GITHUB_API_URL (GitHub Enterprise Server). They take the action's inputs as
flags: --path, --badge, --label, --branch, --conflict, --commit-message,
--commit, --sync-titles, --milestones, --max-writes, --config.
`;
/** The flags each command takes; anything else is a mistake worth saying so. */
const ALLOWED_FLAGS = {
    list: ['json', 'level'],
    check: ['level'],
    fix: [...Object.keys(PICTURES), 'level'],
    plan: ['json', ...sync_flags/* SYNC_FLAGS */.a],
    sync: ['json', ...sync_flags/* SYNC_FLAGS */.a]
};
async function runCli(argv, io) {
    try {
        const args = (0,cli_args/* parseArgs */.Z)(argv, ['level', 'card', ...sync_flags/* SYNC_FLAGS */.a]);
        if (args.flags.has('help') || args.flags.has('h') || args.command === 'help') {
            io.out(HELP);
            return 0;
        }
        if (args.flags.has('version') || args.flags.has('v') || args.command === 'version') {
            io.out(version());
            return 0;
        }
        const allowed = ALLOWED_FLAGS[args.command ?? ''];
        for (const flag of args.flags.keys()) {
            if (allowed && !allowed.includes(flag)) {
                throw new cli_args/* UsageError */.e(`"${args.command}" does not take --${flag}`);
            }
        }
        const extra = args.positionals.slice(args.command === 'plan' || args.command === 'sync' ? 0 : 1);
        if (allowed && extra.length > 0)
            throw new cli_args/* UsageError */.e(`unexpected argument "${extra[0]}"`);
        const level = levelFlag(args.flags.get('level'));
        const file = args.positionals[0];
        const needFile = () => {
            if (file === undefined)
                throw new cli_args/* UsageError */.e(`"${args.command}" needs a goals file: goals-sync ${args.command} FILE`);
            return file;
        };
        switch (args.command) {
            case 'list':
                return await listCommand(needFile(), args.flags.has('json'), level, io);
            case 'check':
                return await checkCommand(needFile(), level, io);
            case 'fix': {
                const pictures = new Map();
                for (const kind of Object.keys(PICTURES)) {
                    const target = args.flags.get(kind);
                    if (typeof target === 'string')
                        pictures.set(kind, target);
                }
                return await fixCommand(needFile(), pictures, level, io);
            }
            case 'plan':
            case 'sync':
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(833), __nccwpck_require__.e(985), __nccwpck_require__.e(764)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6764))).syncCommand(args.command === 'sync', args.flags, process.env, io);
            case undefined:
                throw new cli_args/* UsageError */.e('no command given');
            default:
                throw new cli_args/* UsageError */.e(`unknown command "${args.command}"`);
        }
    }
    catch (error) {
        if (error instanceof cli_args/* UsageError */.e) {
            io.err(`goals-sync: ${error.message}\n\n${HELP}`);
            return 2;
        }
        if (error instanceof FileError) {
            io.err(`goals-sync: ${error.message}`);
            return 2;
        }
        throw error;
    }
}
/** The bundler inlines package.json here, so the version is the one dist/ was built from. */
function version() {
    return (0,external_node_module_namespaceObject.createRequire)(import.meta.url)('../package.json').version;
}
function levelFlag(value) {
    if (value === undefined)
        return 2;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 6)
        throw new cli_args/* UsageError */.e('--level takes a heading level from 1 to 6');
    return n;
}
const io = {
    out: text => process.stdout.write(`${text}\n`),
    err: text => process.stderr.write(`${text}\n`),
    write: chunk => paced(process.stdout, chunk),
    writeErr: chunk => paced(process.stderr, chunk)
};
function paced(stream, chunk) {
    return new Promise(resolve => {
        if (stream.write(chunk))
            resolve();
        else
            stream.once('drain', resolve);
    });
}
runCli(process.argv.slice(2), io).then(code => {
    process.exitCode = code;
}, (error) => {
    io.err(`goals-sync: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
});

var __webpack_exports__HELP = __webpack_exports__._;
var __webpack_exports__runCli = __webpack_exports__.a;
export { __webpack_exports__HELP as HELP, __webpack_exports__runCli as runCli };
