export const id = 764;
export const ids = [764,676,165];
export const modules = {

/***/ 6764:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SYNC_FLAGS: () => (/* reexport */ sync_flags/* SYNC_FLAGS */.a),
  syncCommand: () => (/* binding */ syncCommand)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./.build/run/config.js
// The optional settings file (.github/goals-sync.yml). Every mistake is an
// error that names the file and line: a typo'd key silently ignored would leave
// people wondering why their colour never shows up.

const DEFAULT_CONFIG = {
    headingLevel: 2,
    assignees: [],
    botLogin: null,
    label: {},
    categories: new Map()
};
class ConfigError extends Error {
}
const TOP_KEYS = ['heading-level', 'assignees', 'bot-login', 'label', 'categories'];
const LABEL_KEYS = ['color', 'description'];
/**
 * A real settings file is well under a kilobyte; this leaves room for
 * thousands of styled categories while keeping a hostile file from costing
 * the run minutes.
 */
const MAX_CONFIG_SIZE = 64 * 1024;
/** A GitHub App's login as its issues show it: the app's slug and `[bot]`. */
const BOT_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,98}[A-Za-z0-9])?\[bot\]$/;
function parseConfig(source, path) {
    if (source.length > MAX_CONFIG_SIZE) {
        throw new ConfigError(`${path}: the settings file is ${source.length} characters, over the ${MAX_CONFIG_SIZE} goals-sync reads; keep only the settings you need (a few lines usually).`);
    }
    const lines = new dist/* LineCounter */.HN();
    // Duplicate keys are found below with a set: the parser's own check compares every pair of keys.
    const doc = (0,dist/* parseDocument */.Tp)(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
    const at = (node) => {
        const offset = node?.range?.[0];
        return offset === undefined ? path : `${path}:${lines.linePos(offset).line}`;
    };
    const fail = (node, message) => {
        throw new ConfigError(`${at(node)}: ${message}`);
    };
    const first = doc.errors[0];
    if (first) {
        const line = lines.linePos(first.pos[0]).line;
        throw new ConfigError(`${path}${line ? `:${line}` : ''}: not valid YAML (${first.message.split('\n')[0]}); fix the syntax or delete the file to use the defaults.`);
    }
    const once = (seen, key, node, where) => {
        if (seen.has(key))
            fail(node, `"${key}" appears twice in ${where}; keep one`);
        seen.add(key);
    };
    const config = { ...DEFAULT_CONFIG, label: {}, categories: new Map(), assignees: [] };
    const root = doc.contents;
    if (root === null || ((0,dist/* isScalar */.jn)(root) && (root.value === null || root.value === '')))
        return config;
    if (!(0,dist/* isMap */.jh)(root))
        return fail(root, 'the settings file must be a mapping of keys (heading-level, assignees, bot-login, label, categories)');
    const labelSettings = (node, what) => {
        if (!(0,dist/* isMap */.jh)(node))
            return fail(node, `${what} must be a mapping with color and/or description`);
        const out = {};
        const seen = new Set();
        for (const pair of node.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
            once(seen, key, pair.key, what);
            const value = (0,dist/* isScalar */.jn)(pair.value) ? pair.value.value : undefined;
            if (!LABEL_KEYS.includes(key))
                fail(pair.key, `unknown key "${key}" in ${what}; use color or description`);
            if (key === 'color') {
                const color = String(value ?? '').replace(/^#/, '');
                if (!/^[0-9a-fA-F]{6}$/.test(color))
                    fail(pair.value, `color of ${what} must be six hex digits like 0e8a16`);
                out.color = color.toLowerCase();
            }
            else {
                const description = String(value ?? '');
                if (description.length > 100)
                    fail(pair.value, `description of ${what} is over GitHub's 100 characters`);
                out.description = description;
            }
        }
        return out;
    };
    const seenTop = new Set();
    for (const pair of root.items) {
        const keyNode = pair.key;
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        once(seenTop, key, keyNode, 'the settings file');
        const value = pair.value;
        switch (key) {
            case 'heading-level': {
                const n = (0,dist/* isScalar */.jn)(value) ? Number(value.value) : NaN;
                if (!Number.isInteger(n) || n < 1 || n > 6)
                    fail(value ?? keyNode, 'heading-level must be a whole number from 1 to 6 (2 means ## categories)');
                config.headingLevel = n;
                break;
            }
            case 'assignees': {
                if (!(0,dist/* isSeq */.oP)(value))
                    return fail(value ?? keyNode, 'assignees must be a list of GitHub logins');
                config.assignees = value.items.map(item => {
                    const login = (0,dist/* isScalar */.jn)(item) ? String(item.value ?? '').replace(/^@/, '') : '';
                    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(login))
                        fail(item, `"${login}" is not a GitHub login`);
                    return login;
                });
                break;
            }
            case 'bot-login': {
                const login = (0,dist/* isScalar */.jn)(value) ? String(value.value ?? '') : '';
                if (!BOT_LOGIN.test(login))
                    fail(value ?? keyNode, `bot-login is "${login}": it must be a GitHub App's login ending in [bot], like my-app[bot]. A person's login is never trusted this way (a personal token's own login is recognised without bot-login).`);
                config.botLogin = login;
                break;
            }
            case 'label':
                config.label = labelSettings(value, 'label');
                break;
            case 'categories': {
                if (!(0,dist/* isMap */.jh)(value))
                    return fail(value ?? keyNode, 'categories must map category names to color and description');
                const seenCategories = new Set();
                for (const item of value.items) {
                    const name = (0,dist/* isScalar */.jn)(item.key) ? String(item.key.value) : '';
                    once(seenCategories, name, item.key, 'categories');
                    config.categories.set(name, labelSettings(item.value, `category "${name}"`));
                }
                break;
            }
            default:
                fail(keyNode, `unknown key "${key}"; the keys are ${TOP_KEYS.join(', ')}`);
        }
    }
    return config;
}

;// CONCATENATED MODULE: ./.build/github/errors.js
// Turns GitHub's failures into errors that say what went wrong and what to do.
class ActionError extends Error {
}
function statusOf(error) {
    return error?.status;
}
function messageOf(error) {
    const e = error;
    return e?.response?.data?.message ?? e?.message ?? String(error);
}
function isRateLimit(error) {
    const e = error;
    const status = statusOf(error);
    if (status === 429)
        return true;
    if (status !== 403)
        return false;
    return (/rate limit/i.test(messageOf(error)) || e?.response?.headers?.['x-ratelimit-remaining'] === '0');
}
/** Explains a 401/403 on a request the action needs, naming the permission to grant. */
function explainAccess(error, doing, permission) {
    const status = statusOf(error);
    const message = messageOf(error);
    // The cause stays attached, so the command line can give its own advice for a 401.
    if (status === 401) {
        return new ActionError(`Could not ${doing}: the token was refused (401 ${message}). Fix: pass a valid token in the "token" input.`, { cause: error });
    }
    if (status === 403 && !isRateLimit(error)) {
        return new ActionError(`Could not ${doing}: 403 ${message}. Fix: give the workflow "permissions: ${permission}" ` +
            '(goals-sync needs issues: write and contents: write; pull-requests: write with commit: pull-request).', { cause: error });
    }
    return error instanceof Error ? error : new Error(String(error));
}
/**
 * Any other answer from GitHub, said plainly with what to do about it, for
 * errors that reach the top of a run (no stack trace: it is not our bug).
 */
function describeHttpError(error, context = 'workflow') {
    const e = error;
    const status = statusOf(error);
    if (!e?.request || (status === undefined && networkCause(error) === null))
        return null;
    const where = `${e.request.method ?? ''} ${(e.request.url ?? '').replace(/^https?:\/\/[^/]+/, '')}`.trim();
    const message = messageOf(error);
    if (status === 410) {
        return `GitHub answered 410 (${message}) to ${where}: issues are turned off in this repository. Fix: turn Issues on in the repository's settings.`;
    }
    const network = networkCause(error);
    if (network) {
        const again = context === 'terminal' ? 'run the command again' : 'run the workflow again';
        return `Could not reach ${hostOf(e.request.url)} for ${where}: ${network}. Fix: ${networkFix(network, context)}, then ${again}.`;
    }
    if (status === 401 && context === 'terminal')
        return badTokenInTerminal(message);
    if (status !== undefined && status >= 500) {
        const again = context === 'terminal' ? 'Run the command again' : 'Run the workflow again';
        return `GitHub answered ${status} (${message}) to ${where}, also on retrying. ${again}: nothing is lost, the next run carries on.`;
    }
    const assignee = refusedAssignee(error);
    if (status === 422 && assignee !== null) {
        return (`GitHub refused to assign ${assignee} (422 ${message}) to ${where}. Fix: in the settings file ` +
            `(.github/goals-sync.yml, or the file the input "config" names), list under "assignees" only ` +
            'people who can be assigned in this repository (collaborators with triage access or more), or remove them.');
    }
    return `GitHub answered ${status} (${message}) to ${where}.`;
}
/** The login GitHub's 422 names as not assignable, or null when the 422 is about something else. */
function refusedAssignee(error) {
    const e = error;
    const field = e?.response?.data?.errors?.find(x => x.field === 'assignees' || x.field === 'assignee');
    if (field)
        return field.value === undefined ? 'an assignee' : JSON.stringify(field.value);
    return /assignee/i.test(messageOf(error)) ? 'an assignee' : null;
}
function hostOf(url) {
    try {
        return new URL(url ?? '').origin;
    }
    catch {
        return 'the API server';
    }
}
// Node's fetch puts the system's reason (ECONNREFUSED, ENOTFOUND, ...) a cause or two deep.
function causeCode(error) {
    for (let e = error, depth = 0; e && depth < 5; depth++) {
        if (typeof e.code === 'string')
            return e.code;
        if (e.name === 'TimeoutError')
            return 'TIMEOUT';
        if (e.message === 'bad port')
            return 'BAD_PORT';
        e = e.cause;
    }
    return undefined;
}
const NETWORK_CAUSES = {
    ECONNREFUSED: 'the connection was refused (ECONNREFUSED): nothing listens there',
    ENOTFOUND: 'its host name does not resolve (ENOTFOUND)',
    EAI_AGAIN: 'its host name could not be looked up (EAI_AGAIN): DNS did not answer',
    ECONNRESET: 'the connection was reset (ECONNRESET)',
    ETIMEDOUT: 'the connection timed out (ETIMEDOUT)',
    EHOSTUNREACH: 'the host is unreachable (EHOSTUNREACH)',
    ENETUNREACH: 'the network is unreachable (ENETUNREACH)',
    UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
    UND_ERR_SOCKET: 'the connection broke',
    TIMEOUT: 'the server did not answer in time',
    BAD_PORT: 'its port is one that fetch refuses to use (bad port)'
};
/** A refused connection or a host name that does not exist: retrying in seconds will not help. */
function unreachable(error) {
    if (error?.response)
        return false;
    const code = causeCode(error);
    return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'BAD_PORT';
}
/** Why no answer came at all (refused, DNS, timeout), or null when the server did answer. */
function networkCause(error) {
    if (error?.response)
        return null;
    const code = causeCode(error);
    return code === undefined ? null : (NETWORK_CAUSES[code] ?? `the request failed (${code})`);
}
function networkFix(cause, context) {
    const setting = context === 'terminal' ? 'GITHUB_API_URL' : 'GITHUB_API_URL (the runner sets it)';
    if (/ENOTFOUND|EAI_AGAIN/.test(cause))
        return `check the host name in ${setting} and your DNS`;
    if (/ECONNREFUSED|bad port/.test(cause))
        return `check that ${setting} names the right server and port`;
    return 'check your network connection and any proxy';
}
function badTokenInTerminal(message) {
    return (`GitHub refused the token (401 ${message}). Fix: set GITHUB_TOKEN to a valid token ` +
        'that can read (plan) or write (sync) the repository, e.g. GITHUB_TOKEN=$(gh auth token).');
}
/**
 * A failure said for a terminal: network causes and a refused token get terminal advice
 * (environment variables, the command) rather than the workflow's inputs.
 */
function describeForTerminal(error) {
    const cause = error instanceof ActionError ? error.cause : undefined;
    if (cause !== undefined && statusOf(cause) === 401)
        return badTokenInTerminal(messageOf(cause));
    if (error instanceof ActionError)
        return error.message;
    return describeHttpError(error, 'terminal');
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
;// CONCATENATED MODULE: ./.build/github/octokit-client.js
// The one place that builds the Octokit client: REST methods and pagination
// from @actions/github, composed with the retry and throttling plugins and a
// gate that spaces writes as GitHub asks, measured when each request is sent.




/**
 * GitHub's documented pacing, in one place: writes at least 1 s apart, content-creating
 * writes (issues, comments) at least 3 s apart, and at most 80 of those a minute and 500
 * an hour (its secondary limits; 3 s apart already keeps to 80 a minute).
 */
const GITHUB_PACING = {
    writeGapMs: 1_000,
    createGapMs: 3_000,
    createWindows: [
        { ms: 60_000, max: 80 },
        { ms: 3_600_000, max: 500 }
    ]
};
/**
 * GitHub ends a request on its side after 10 s; a minute leaves room for a large upload,
 * and bounds a run against a server that accepts the connection but never answers.
 */
const REQUEST_TIMEOUT_MS = 60_000;
/** Longest wait for a primary rate-limit reset that a run sits out; past it the rest is deferred. */
const MAX_RATE_LIMIT_WAIT_S = 60;
/** A limiter group that runs each job at once: the send-time gate below does the spacing. */
const immediate = {
    key: () => ({
        schedule: (_options, job, ...args) => Promise.resolve(job(...args))
    })
};
/**
 * GOALS_SYNC_PACING: unset or `on` → GitHub's pacing (1); `off` → none (false);
 * `scale:F` → GitHub's intervals times F, for time-scaled tests.
 */
function pacingFromEnv(env) {
    const value = (env.GOALS_SYNC_PACING ?? '').trim();
    if (value === '' || value === 'on')
        return true;
    if (value === 'off')
        return false;
    const scale = /^scale:(.+)$/.exec(value)?.[1];
    const factor = scale === undefined ? NaN : Number(scale);
    if (!(factor > 0 && factor <= 1)) {
        throw new ActionError(`GOALS_SYNC_PACING is "${value}": use on, off or scale:F with 0 < F ≤ 1 (e.g. scale:0.01).`);
    }
    return factor;
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * Waits, in order, until a write may leave: one write at a time (GitHub asks for writes in
 * series), each gap counted from when the previous write was answered, so it holds at
 * GitHub's end however long a request took to get there, and a retry or a slow read in
 * between never lets the next one go early.
 */
function sendTimeGate(scale, now = Date.now) {
    const writeGap = GITHUB_PACING.writeGapMs * scale;
    const createGap = GITHUB_PACING.createGapMs * scale;
    const windows = GITHUB_PACING.createWindows.map(w => ({ ms: w.ms * scale, max: w.max }));
    let lastWrite = -Infinity;
    let lastCreate = -Infinity;
    const created = [];
    let turn = Promise.resolve();
    const delay = (creating) => {
        let until = lastWrite + writeGap;
        if (creating) {
            until = Math.max(until, lastCreate + createGap);
            for (const w of windows) {
                const oldest = created.at(-w.max);
                if (created.length >= w.max && oldest !== undefined)
                    until = Math.max(until, oldest + w.ms);
            }
        }
        return until - now();
    };
    return async (send, options) => {
        const method = options.method.toUpperCase();
        if (method === 'GET' || method === 'HEAD')
            return send(options);
        const creating = plugin_throttling_dist_bundle/* throttling */.A.triggersNotification(new URL(options.url, 'http://x').pathname);
        const previous = turn;
        let release = () => { };
        turn = new Promise(resolve => (release = resolve));
        await previous;
        try {
            for (let wait = delay(creating); wait > 0; wait = delay(creating))
                await sleep(wait);
            if (creating) {
                created.push(now());
                if (created.length > (windows.at(-1)?.max ?? 0))
                    created.shift();
            }
            return await send(options);
        }
        finally {
            lastWrite = now();
            if (creating)
                lastCreate = lastWrite;
            release();
        }
    };
}
function createClient(options) {
    // Both handlers warn; a primary limit is waited out only when its reset is near.
    const handler = (what, retry) => (retryAfter, request, _o, retryCount) => {
        options.warn(`${what} for ${request.method} ${request.url}; retry after ${retryAfter}s.`);
        return retry(retryAfter, retryCount);
    };
    const scale = options.pacing === true ? 1 : options.pacing === false ? 0 : options.pacing;
    const throttle = {
        onRateLimit: handler('Rate limit reached', (after, count) => count < 1 && after <= MAX_RATE_LIMIT_WAIT_S),
        onSecondaryRateLimit: handler('Secondary rate limit', (_after, count) => count < 3),
        write: immediate,
        notifications: immediate,
        // retry-after is in GitHub's seconds; a time-scaled test shrinks them like the gaps.
        ...(scale > 0 && scale < 1 ? { retryAfterBaseValue: 1000 * scale } : {})
    };
    const time = scale > 0 ? scale : 1;
    // Registered first, this is the innermost request hook: it runs after the retry and
    // throttling plugins have decided to send, once per request that really leaves.
    const gate = scale > 0 ? sendTimeGate(scale) : null;
    const transport = (octokit) => {
        const send = async (request, opts) => {
            try {
                return await (gate ? gate(request, opts) : request(opts));
            }
            catch (error) {
                // A refused connection or an unknown host does not mend within a retry's seconds:
                // without a status the retry plugin lets it through at once, and nothing was sent.
                if (unreachable(error))
                    delete error.status;
                throw error;
            }
        };
        octokit.hook.wrap('request', send);
        return {};
    };
    const timedFetch = (url, init) => {
        const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS * time);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        return fetch(url, { ...init, signal });
    };
    return (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: options.baseUrl,
        throttle: throttle,
        retry: {
            doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
            ...(time < 1 ? { retryAfterBaseValue: 1000 * time } : {})
        },
        request: { fetch: timedFetch }
    }, transport, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/sync/text.js
// Text rules for everything the action writes from goal and issue text:
// GitHub's length limits (cut on code-point boundaries, since a lone surrogate
// makes a strict server refuse the whole request), label names, and making
// such text inert where it lands (issue bodies, the job summary, the log).

const MAX_TITLE = 256;
const MAX_LABEL = 50;
const MAX_LABEL_DESCRIPTION = 100;
/** GitHub refuses an issue or comment body longer than this. */
const MAX_BODY = 65_536;
/**
 * The longest goal title the marker records; a longer goal is known by its
 * first this-many characters, so that its body (quote and marker, both
 * escaped) always stays within MAX_BODY.
 */
const MAX_IDENTITY_TITLE = 4_096;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** The text with any lone surrogate replaced by U+FFFD, so that it is valid UTF-8 once sent. */
function wellFormed(text) {
    return text.replace(LONE_SURROGATE, '\uFFFD');
}
/**
 * At most `max` UTF-16 units of `text`, never ending inside a surrogate pair;
 * lone surrogates already in the text become U+FFFD.
 */
function cutAt(text, max) {
    const whole = wellFormed(text);
    if (whole.length <= max)
        return whole;
    const last = whole.charCodeAt(max - 1);
    const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
    return whole.slice(0, end);
}
/** Cut to `max` with an ellipsis when it was longer. */
function shorten(text, max) {
    const whole = wellFormed(text);
    return whole.length <= max ? whole : `${cutAt(whole, max - 1)}…`;
}
function issueTitle(title) {
    const whole = wellFormed(title);
    if (whole.length <= MAX_TITLE)
        return whole;
    return `${cutAt(whole, MAX_TITLE - 1).trimEnd()}…`;
}
/** The part of a goal's title that identifies it (and that its marker records). */
function identityTitle(title) {
    return cutAt(title, MAX_IDENTITY_TITLE);
}
/** A category's label: its name, or for long names a cut that stays unique through a short hash. */
function categoryLabel(name) {
    const whole = wellFormed(name);
    if (whole.length <= MAX_LABEL)
        return whole;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(whole).digest('hex').slice(0, 6);
    return `${cutAt(whole, MAX_LABEL - 8).trimEnd()}… ${hash}`;
}
const WORD_JOINER = '\u2060';
/**
 * Breaks every `@name` (and `@org/team`) and `#123` reference so that goal text
 * never notifies anyone or links itself to other issues, whatever comes before
 * the `@` (a backtick, a letter): GitHub's own rule for what counts as a
 * mention is not ours to copy, so every `@` before a login character is
 * broken. The word joiner keeps the text readable.
 */
function neutraliseMentions(text) {
    return text
        .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${WORD_JOINER}`)
        .replace(/#(?=\d)/g, `#${WORD_JOINER}`);
}
/**
 * Goal or issue text as Markdown that renders as the same text and does
 * nothing else: no HTML (so no comment that could hide or forge a marker), no
 * character references (`&#64;` would be an `@`), no mentions, one line.
 */
function inertMarkdown(text) {
    const escaped = wellFormed(text)
        .replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
    return neutraliseMentions(escaped);
}
/** Text for the job summary's Markdown: inert as above, with Markdown's own punctuation escaped too. */
function inertSummaryText(text) {
    return inertMarkdown(text.replace(/[\\`*_[\]|~"']/g, c => `\\${c}`));
}
const LINE_BREAK = /\r\n|[\r\n]/;
/** Characters a terminal or the runner treats as control, shown instead as \u escapes. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
/**
 * One line of a runner's log that cannot be a workflow command: the runner
 * reads `::name::` at the start of a line (after spaces) and `##[name]`
 * anywhere in it. Control characters are shown as escapes.
 */
function inertLogLine(line) {
    const visible = wellFormed(line)
        .replace(CONTROL, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/##\[/g, '#\u2060#[');
    return /^\s*::/.test(visible) ? `\u2060${visible}` : visible;
}
/**
 * Text for a terminal: issue titles and goal text reach `plan` and `sync`'s
 * output, and an escape sequence in them must not drive the terminal. Line
 * breaks and tabs stay; every other control character is shown as an escape.
 */
function terminalText(text) {
    return wellFormed(text).replace(CONTROL, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** A message of any number of lines as log lines that cannot be workflow commands. */
function inertLogLines(message) {
    return message.split(LINE_BREAK).map(inertLogLine);
}

;// CONCATENATED MODULE: ./.build/sync/marker.js
// The hidden marker in an issue body records which goal the issue is for and
// what was last synced. It is a hint (for people, and for finding an issue
// whose creation answer was lost), never proof of ownership: anyone who can
// edit a body can type one. It is JSON inside an HTML comment; '-', '<' and
// '>' are escaped so that goal text can never close the comment early, '@' and
// '&' so that nothing in it reads as a mention, even to a tool that decodes it. Only the last marker of a body is read, and only
// when every field is valid: the action's own marker always ends its body, and
// goal text quoted above it is escaped so that it cannot open a comment.

const PREFIX = '<!-- goals-sync ';
const SUFFIX = ' -->';
function encodeMarker(marker) {
    const json = JSON.stringify({
        v: 1,
        file: marker.file,
        category: marker.category,
        title: identityTitle(marker.title),
        n: marker.n,
        synced: marker.synced,
        removed: marker.removed,
        ...(marker.nonce !== undefined ? { nonce: marker.nonce } : {})
    });
    const escaped = json.replace(/[-@&<>]/g, c => `\\u00${c.charCodeAt(0).toString(16)}`);
    return `${PREFIX}${escaped}${SUFFIX}`;
}
/** The body's last marker, or null when there is none or it is not exactly what encodeMarker writes. */
function decodeMarker(body) {
    if (!body)
        return null;
    const start = body.lastIndexOf(PREFIX);
    if (start < 0)
        return null;
    const end = body.indexOf(SUFFIX, start + PREFIX.length);
    if (end < 0)
        return null;
    let raw;
    try {
        raw = JSON.parse(body.slice(start + PREFIX.length, end));
    }
    catch {
        return null;
    }
    return validMarker(raw);
}
function validMarker(raw) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        return null;
    const r = raw;
    const valid = r.v === 1 &&
        typeof r.file === 'string' &&
        r.file !== '' &&
        (typeof r.category === 'string' || r.category === null) &&
        typeof r.title === 'string' &&
        r.title !== '' &&
        typeof r.n === 'number' &&
        Number.isSafeInteger(r.n) &&
        r.n >= 0 &&
        (r.synced === 'open' || r.synced === 'closed') &&
        typeof r.removed === 'boolean' &&
        (r.nonce === undefined || (typeof r.nonce === 'string' && /^[0-9a-f]{8,64}$/.test(r.nonce)));
    if (!valid)
        return null;
    return {
        file: r.file,
        category: r.category,
        title: r.title,
        n: r.n,
        synced: r.synced,
        removed: r.removed,
        ...(typeof r.nonce === 'string' ? { nonce: r.nonce } : {})
    };
}
/** Identity of a goal: its category, its title and which of the same-titled goals it is. */
function goalKey(category, title, n) {
    return JSON.stringify([category, title, n]);
}

;// CONCATENATED MODULE: ./.build/action/report.js


function outputsOf(report) {
    const list = (n) => n.join(',');
    return {
        total: String(report.total),
        done: String(report.done),
        percent: String(report.percent),
        created: list(report.applied.created),
        closed: list(report.applied.closed),
        reopened: list(report.applied.reopened),
        updated: list(report.applied.updated),
        deferred: String(report.applied.deferred),
        'commit-sha': report.commit?.sha ?? '',
        plan: JSON.stringify(planJson(report))
    };
}
function describe(op) {
    switch (op.kind) {
        case 'create-label':
            return { op: 'create-label', label: op.name };
        case 'rename-label':
            return { op: 'rename-label', from: op.from, to: op.to };
        case 'create-issue':
            return {
                op: 'create-issue',
                title: op.title,
                line: op.line,
                labels: op.labels,
                close: op.close !== null
            };
        case 'update-issue':
            return {
                op: op.effect === 'closed'
                    ? 'close-issue'
                    : op.effect === 'reopened'
                        ? 'reopen-issue'
                        : 'update-issue',
                issue: op.number,
                why: op.why,
                ...(op.title !== undefined ? { title: op.title } : {}),
                ...(op.labels !== undefined ? { labels: op.labels } : {}),
                ...(op.stateReason !== undefined ? { reason: op.stateReason } : {})
            };
    }
}
function describeMilestone(op) {
    if (op.kind === 'create-milestone')
        return { op: 'create', title: op.title };
    if (op.kind === 'set-milestone')
        return { op: 'set', issue: op.issue, why: op.why };
    const { number, title, state, why } = op;
    return {
        op: 'update',
        number,
        ...(title !== undefined ? { title } : {}),
        ...(state !== undefined ? { state } : {}),
        why
    };
}
function planJson(report) {
    return {
        dryRun: report.dryRun,
        skipped: report.skipped,
        branch: report.branch,
        issues: report.ops.map(describe),
        ...(report.milestones ? { milestones: report.milestones.map(describeMilestone) } : {}),
        file: report.edits.map(e => ({
            issue: e.issue,
            why: e.why,
            ...(e.checked !== undefined ? { checked: e.checked } : {}),
            ...(e.title !== undefined ? { title: e.title } : {}),
            ...(e.append ? { added: e.append } : {})
        })),
        deferred: report.applied.deferred,
        warnings: report.warnings
    };
}
function updateEffect(op) {
    if (op.effect === 'closed')
        return op.stateReason === 'not_planned' ? 'closed as not planned' : 'closed';
    return op.effect;
}
/** The issues this run wrote, in the order it wrote them, from its plan and what was applied. */
function touchedIssues(report) {
    const creates = report.ops.filter(o => o.kind === 'create-issue');
    const updates = report.ops.filter((o) => o.kind === 'update-issue');
    const created = report.applied.created;
    const out = [];
    let made = 0;
    for (const t of report.applied.touched) {
        const op = updates.find(o => o.number === t.number && o.why === t.what);
        if (op) {
            const title = op.title ?? decodeMarker(op.body)?.title ?? null;
            out.push({
                number: t.number,
                title: title === null ? null : issueTitle(title),
                effect: updateEffect(op),
                why: op.why
            });
        }
        else if (created.includes(t.number)) {
            const create = creates[made++];
            const closed = report.applied.closed.includes(t.number);
            out.push({
                number: t.number,
                title: create?.title ?? null,
                effect: closed ? 'created and closed' : 'created',
                why: closed ? 'new goal, already ticked' : 'new goal'
            });
        }
        else {
            out.push({ number: t.number, title: null, effect: 'updated', why: t.what });
        }
    }
    return out;
}
/** One log line per issue written: `#12 closed: learn Rust`. The logger makes it inert. */
function issueLogLines(report) {
    return touchedIssues(report).map(t => `#${t.number} ${t.effect}: ${t.title ?? `(${t.why})`}`);
}
const BAR_CELLS = 10;
/** A text bar of ten cells and the whole percentage: `█████░░░░░ 50%`. */
function progressBar(done, total) {
    const percent = total === 0 ? 0 : Math.floor((done * 100) / total);
    const full = total === 0 ? 0 : Math.floor((done * BAR_CELLS) / total);
    return `${'█'.repeat(full)}${'░'.repeat(BAR_CELLS - full)} ${percent}%`;
}
const inert = inertSummaryText;
function describePlanned(op) {
    switch (op.kind) {
        case 'create-label':
            return `create label "${inert(op.name)}"`;
        case 'rename-label':
            return `rename label "${inert(op.from)}" to "${inert(op.to)}"`;
        case 'create-issue':
            return `create an issue${op.close ? ' (then close it, ticked)' : ''}: ${inert(op.title)}`;
        case 'update-issue': {
            const title = op.title ?? decodeMarker(op.body)?.title;
            return `${updateEffect(op).replace('updated', 'update')} #${op.number}${title ? `: ${inert(issueTitle(title))}` : ''} (${inert(op.why)})`;
        }
    }
}
function summaryMarkdown(report, issueUrl) {
    const out = ['## Goals progress', ''];
    if (report.skipped) {
        out.push(`Nothing to sync: ${inert(report.skipped)}.`);
        return out.join('\n');
    }
    out.push(`**${report.done}/${report.total}** goals done (${report.percent}%)${report.dryRun ? ' — dry run, nothing was written' : ''}.`, '');
    out.push('| Category | Progress | Done |', '| --- | --- | ---: |');
    for (const c of report.categories) {
        const name = c.name === null ? '_(no category)_' : inert(c.name);
        out.push(`| ${name} | ${progressBar(c.done, c.total)} | ${c.done}/${c.total} |`);
    }
    out.push('');
    const link = (n) => `[#${n}](${issueUrl(n)})`;
    if (report.dryRun) {
        out.push(`### Planned (${report.ops.length} issue operation(s), ${report.edits.length} file change(s))`, '');
        for (const op of report.ops)
            out.push(`- ${describePlanned(op)}`);
        for (const m of report.milestones ?? [])
            out.push(`- milestone: ${inert(JSON.stringify(describeMilestone(m)))}`);
    }
    else {
        const touched = touchedIssues(report);
        if (touched.length > 0) {
            out.push('### Issues touched', '');
            for (const t of touched)
                out.push(`- ${link(t.number)} ${t.effect}: ${t.title === null ? '' : `${inert(t.title)} `}(${inert(t.why)})`);
        }
        else {
            out.push('No issue needed a change.');
        }
    }
    if (report.edits.length > 0) {
        out.push('', `### ${report.dryRun ? 'Planned file changes' : 'File changes'}`, '');
        for (const e of report.edits) {
            const what = e.append
                ? `added${e.append.category === null ? '' : ` to "${inert(e.append.category)}"`}`
                : e.checked === undefined
                    ? `text → "${inert(e.title ?? '')}"`
                    : e.checked
                        ? 'ticked'
                        : 'unticked';
            out.push(`- ${inert(issueTitle(e.marker.title))} (${link(e.issue)}): ${what} (${inert(e.why)})`);
        }
    }
    if (report.commit?.sha)
        out.push('', `Committed ${report.commit.files.map(inert).join(', ')} as ${report.commit.sha}.`);
    if (report.commit?.pullRequest)
        out.push('', `Pull request: [#${report.commit.pullRequest.number}](${report.commit.pullRequest.url}).`);
    if (report.applied.deferred > 0)
        out.push('', `${report.applied.deferred} operation(s) deferred to the next run (${inert(report.applied.stoppedBy ?? '')}).`);
    for (const note of report.notes)
        out.push('', inert(note));
    if (report.warnings.length > 0)
        out.push('', '### Warnings', '', ...report.warnings.map(w => `- ${inert(w)}`));
    return out.join('\n');
}

;// CONCATENATED MODULE: ./.build/github/issues.js


function listed(raw) {
    return {
        number: raw.number,
        title: raw.title,
        state: raw.state === 'closed' ? 'closed' : 'open',
        stateReason: raw.state_reason ?? null,
        labels: raw.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(l => l !== ''),
        body: raw.body ?? '',
        author: raw.user?.login ?? null,
        htmlUrl: raw.html_url,
        createdAt: raw.created_at,
        updatedAt: raw.updated_at,
        milestone: raw.milestone?.number ?? null
    };
}
/** The issues (not pull requests) GitHub lists for `query`: a label, or a creator. */
async function listIssues(client, at, query) {
    try {
        const raw = await client.paginate(client.rest.issues.listForRepo, {
            ...at,
            ...query,
            state: 'all',
            per_page: 100
        });
        return raw.filter(i => !i.pull_request).map(listed);
    }
    catch (error) {
        const what = 'labels' in query ? `labelled "${query.labels}"` : `opened by ${query.creator}`;
        throw explainAccess(error, `list the issues ${what}`, 'issues: read');
    }
}
/** One issue by number; null when it is gone (deleted or transferred) or is a pull request. */
async function getIssue(client, at, number) {
    try {
        const { data } = await client.rest.issues.get({ ...at, issue_number: number });
        const raw = data;
        return raw.pull_request ? null : listed(raw);
    }
    catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 410)
            return null;
        throw explainAccess(error, `read issue #${number}`, 'issues: read');
    }
}
/** Creates a label; one that exists already is fine (another run, or a person, made it). */
async function createLabel(client, at, name, color, description) {
    try {
        await client.rest.issues.createLabel({
            ...at,
            name: wellFormed(name),
            color,
            description: wellFormed(description)
        });
        return 'created';
    }
    catch (error) {
        if (statusOf(error) === 422)
            return 'exists';
        throw explainAccess(error, `create the label "${name}"`, 'issues: write');
    }
}
/**
 * Renames a category's label when the category was renamed, so its colour and
 * any history stay. Only a label that still carries the description the action
 * gave it is renamed: one a person made or changed may be on other issues, and
 * those are not the action's to touch. Otherwise the new label is created.
 */
async function renameLabel(client, at, op) {
    try {
        const { data } = await client.rest.issues.getLabel({ ...at, name: op.from });
        if ((data.description ?? '') === op.ifDescription) {
            await client.rest.issues.updateLabel({
                ...at,
                name: op.from,
                new_name: wellFormed(op.to),
                description: wellFormed(op.description)
            });
            return 'renamed';
        }
    }
    catch (error) {
        // The old label is gone or the new name is taken: the new label is made (or found) below.
        if (statusOf(error) !== 422 && statusOf(error) !== 404) {
            throw explainAccess(error, `rename the label "${op.from}"`, 'issues: write');
        }
    }
    return createLabel(client, at, op.to, op.color, op.description);
}
async function createIssue(client, at, issue) {
    try {
        // Only the fields GitHub declares, named one by one: callers pass whole plan entries.
        // Sent once: a blind retry after a lost answer would make a second issue (see apply.ts).
        const { data } = await client.rest.issues.create({
            ...at,
            title: wellFormed(issue.title),
            body: wellFormed(issue.body),
            labels: issue.labels.map(wellFormed),
            ...(issue.assignees.length > 0 ? { assignees: issue.assignees } : {}),
            ...(typeof issue.milestone === 'number' ? { milestone: issue.milestone } : {}),
            request: { retries: 0 }
        });
        return { number: data.number, url: data.html_url };
    }
    catch (error) {
        throw explainAccess(error, `create the issue "${issue.title}"`, 'issues: write');
    }
}
async function updateIssue(client, at, number, patch) {
    try {
        await client.rest.issues.update({
            ...at,
            issue_number: number,
            ...(patch.title !== undefined ? { title: wellFormed(patch.title) } : {}),
            ...(patch.body !== undefined ? { body: wellFormed(patch.body) } : {}),
            ...(patch.labels !== undefined ? { labels: patch.labels.map(wellFormed) } : {}),
            ...(patch.state !== undefined ? { state: patch.state } : {}),
            ...(patch.stateReason !== undefined ? { state_reason: patch.stateReason } : {}),
            ...(patch.milestone !== undefined ? { milestone: patch.milestone } : {})
        });
    }
    catch (error) {
        throw explainAccess(error, `update issue #${number}`, 'issues: write');
    }
}
async function addComment(client, at, number, body) {
    try {
        await client.rest.issues.createComment({
            ...at,
            issue_number: number,
            body: wellFormed(body),
            request: { retries: 0 }
        });
    }
    catch (error) {
        throw explainAccess(error, `comment on issue #${number}`, 'issues: write');
    }
}
/** The sender's role: admin, maintain, write, triage, read or none. */
const TRIAGE_OR_MORE = ['admin', 'maintain', 'write', 'triage'];
/**
 * The sender's role and whether it may close issues (triage or more). A custom
 * role shows its own name in role_name, so the base permission counts too.
 */
async function roleOf(client, at, login) {
    try {
        const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
            ...at,
            username: login
        });
        const role = data.role_name ?? data.permission;
        const mayTriage = TRIAGE_OR_MORE.includes(role) || ['admin', 'write'].includes(data.permission);
        return { role, mayTriage };
    }
    catch (error) {
        if (statusOf(error) === 404)
            return { role: 'none', mayTriage: false };
        throw explainAccess(error, `read the permission of ${login}`, 'metadata: read');
    }
}
/** Whether this exact comment is on the issue already; when the comments cannot be read, assume not. */
async function hasComment(client, at, number, body) {
    try {
        const comments = await client.paginate(client.rest.issues.listComments, {
            ...at,
            issue_number: number,
            per_page: 100
        });
        return comments.some(c => c.body === body);
    }
    catch (error) {
        if (isRateLimit(error))
            throw error;
        return false;
    }
}
/**
 * Names of the repository's labels, lower-cased (GitHub compares them without
 * case). Only a saving: when they cannot be listed, the labels are just created.
 */
async function labelNames(client, at) {
    try {
        const labels = await client.paginate(client.rest.issues.listLabelsForRepo, {
            ...at,
            per_page: 100
        });
        return new Set(labels.map(l => l.name.toLowerCase()));
    }
    catch (error) {
        if (isRateLimit(error))
            throw error;
        return new Set();
    }
}

;// CONCATENATED MODULE: ./.build/run/apply.js



function emptyApplied() {
    return {
        created: [],
        closed: [],
        reopened: [],
        updated: [],
        deferred: 0,
        touched: [],
        stoppedBy: null,
        recorded: new Map()
    };
}
/**
 * Recovery by reading GitHub again: an open issue this very run created for the
 * goal (its marker carries the run's nonce, its author is the action), and the
 * issue's comments.
 */
function recoveryFor(reader) {
    const { client, at, settings, identity, nonce } = reader;
    return {
        findIssue: async (key) => {
            const now = await listIssues(client, at, { labels: settings.label });
            const mine = now
                .filter(i => i.state === 'open')
                .map(i => ({ issue: i, marker: decodeMarker(i.body) }))
                .filter(({ marker: m }) => m !== null &&
                m.nonce === nonce &&
                m.file === settings.path &&
                goalKey(m.category, m.title, m.n) === key)
                .sort((x, y) => y.issue.number - x.issue.number);
            for (const { issue } of mine) {
                if (await identity.owns(issue.author))
                    return { number: issue.number, url: issue.htmlUrl };
            }
            return null;
        },
        hasComment: (n, body) => hasComment(client, at, n, body)
    };
}
const answerLost = (error) => {
    const status = statusOf(error);
    return status === undefined || status >= 500;
};
async function applyOps(client, at, ops, budget, result, options) {
    const reserve = options.reserve ?? 0;
    const log = options.log ?? (() => { });
    const spend = () => budget.take(1, reserve);
    const milestone = (ref) => options.milestoneOf ? options.milestoneOf(ref) : undefined;
    const noteOnce = (list, n) => {
        if (!list.includes(n))
            list.push(n);
    };
    // Labels GitHub renamed in this run (lower-cased old name → new name).
    const renamed = new Map();
    for (let k = 0; k < ops.length; k++) {
        let op = ops[k];
        if (op.kind === 'update-issue' && result.stoppedBy === null) {
            const needed = afterRenames(op, renamed);
            if (needed === null) {
                // The rename relabelled the issue: nothing to send, the ledger records the move.
                if (op.record)
                    result.recorded.set(op.number, op.record);
                continue;
            }
            op = needed;
        }
        if (result.stoppedBy !== null || !spend()) {
            result.deferred += ops.length - k;
            result.stoppedBy ??= `the write budget (max-writes: ${budget.limit}) is spent`;
            break;
        }
        try {
            switch (op.kind) {
                case 'create-label':
                    log(`label "${op.name}": ${await createLabel(client, at, op.name, op.color, op.description)}`);
                    break;
                case 'rename-label':
                    {
                        const outcome = await renameLabel(client, at, op);
                        if (outcome === 'renamed')
                            renamed.set(op.from.toLowerCase(), op.to);
                        log(`label "${op.from}" → "${op.to}": ${outcome}`);
                    }
                    break;
                case 'create-issue': {
                    let issue;
                    try {
                        issue = await createIssue(client, at, { ...op, milestone: milestone(op.milestone) });
                    }
                    catch (error) {
                        if (!answerLost(error))
                            throw error;
                        issue = await options.recovery.findIssue(op.goal);
                        if (!issue)
                            throw error;
                        log(`issue #${issue.number} was created although its answer was lost`);
                    }
                    result.created.push(issue.number);
                    result.recorded.set(issue.number, op.record);
                    result.touched.push({ number: issue.number, what: `created for line ${op.line}` });
                    if (op.close) {
                        if (!spend()) {
                            // The issue exists and its marker says open: the next run sees the ticked box and closes it.
                            result.deferred += 1;
                            continue;
                        }
                        await updateIssue(client, at, issue.number, {
                            state: 'closed',
                            stateReason: 'completed',
                            body: op.close.body
                        });
                        result.closed.push(issue.number);
                        result.recorded.set(issue.number, { ...op.record, synced: 'closed' });
                    }
                    break;
                }
                case 'update-issue': {
                    // A removal says why before it records itself as done, so a run stopped in between says it again.
                    if (op.comment && !(await options.recovery.hasComment(op.number, op.comment))) {
                        try {
                            await addComment(client, at, op.number, op.comment);
                        }
                        catch (error) {
                            if (!answerLost(error) || !(await options.recovery.hasComment(op.number, op.comment)))
                                throw error;
                        }
                        if (!spend()) {
                            result.deferred += 1;
                            continue;
                        }
                    }
                    await updateIssue(client, at, op.number, { ...op, milestone: milestone(op.milestone) });
                    if (op.record)
                        result.recorded.set(op.number, op.record);
                    if (op.effect === 'closed')
                        noteOnce(result.closed, op.number);
                    else if (op.effect === 'reopened')
                        noteOnce(result.reopened, op.number);
                    else if (op.title !== undefined || op.labels !== undefined)
                        noteOnce(result.updated, op.number);
                    result.touched.push({ number: op.number, what: op.why });
                    break;
                }
            }
        }
        catch (error) {
            if (!isRateLimit(error))
                throw error;
            result.stoppedBy = `GitHub's rate limit (${messageOf(error)})`;
            result.deferred += ops.length - k;
            break;
        }
    }
    return result;
}
const sameLabelSet = (a, b) => a.length === b.length && a.every(l => b.some(m => m.toLowerCase() === l.toLowerCase()));
/**
 * The update still worth sending once this run's label renames landed: without
 * its labels when GitHub's rename gave the issue exactly those; null when
 * nothing else was to change (state, title, milestone).
 */
function afterRenames(op, renamed) {
    if (!op.labels || !op.labelsNow || renamed.size === 0)
        return op;
    const now = op.labelsNow.map(l => renamed.get(l.toLowerCase()) ?? l);
    if (!sameLabelSet(now, op.labels))
        return op;
    const rest = { ...op };
    delete rest.labels;
    delete rest.labelsNow;
    const other = rest.state !== undefined ||
        rest.title !== undefined ||
        rest.milestone !== undefined ||
        rest.comment !== undefined;
    return other ? rest : null;
}

;// CONCATENATED MODULE: ./.build/github/milestones.js


const existing = (m) => ({
    number: m.number,
    title: m.title,
    state: m.state === 'closed' ? 'closed' : 'open',
    description: m.description ?? null,
    openIssues: m.open_issues,
    closedIssues: m.closed_issues
});
/** Every milestone of the repository, open and closed. */
async function listMilestones(client, at) {
    try {
        const raw = await client.paginate(client.rest.issues.listMilestones, {
            ...at,
            state: 'all',
            per_page: 100
        });
        return raw.map(existing);
    }
    catch (error) {
        throw explainAccess(error, 'list the milestones', 'issues: read');
    }
}
async function createMilestone(client, at, milestone) {
    try {
        const { data } = await client.rest.issues.createMilestone({
            ...at,
            title: wellFormed(milestone.title),
            description: wellFormed(milestone.description),
            request: { retries: 0 }
        });
        return data.number;
    }
    catch (error) {
        throw explainAccess(error, `create the milestone "${milestone.title}"`, 'issues: write');
    }
}
async function updateMilestone(client, at, number, patch) {
    try {
        await client.rest.issues.updateMilestone({
            ...at,
            milestone_number: number,
            ...(patch.title !== undefined ? { title: wellFormed(patch.title) } : {}),
            ...(patch.description !== undefined ? { description: wellFormed(patch.description) } : {}),
            ...(patch.state !== undefined ? { state: patch.state } : {})
        });
    }
    catch (error) {
        throw explainAccess(error, `update milestone #${number}`, 'issues: write');
    }
}

;// CONCATENATED MODULE: ./.build/run/apply-milestones.js
// Carries out the milestone writes of a decision (`milestones: true`) within
// the run's write budget: creations, renames and reopenings before the issue
// writes (issues need their milestone to exist), closings after them (a
// milestone closes only once its last open goal has left it).



/** The milestones of this run: those the action made (number → category), and the numbers of those created now. */
class MilestoneBook {
    created = new Map();
    made;
    constructor(made) {
        this.made = new Map(made);
    }
    /** A plan's reference as GitHub takes it; undefined: a milestone not created (the next run sets it). */
    numberOf = (ref) => {
        if (ref === undefined || ref === null)
            return ref === null ? null : undefined;
        return 'number' in ref ? ref.number : this.created.get(ref.title.toLowerCase());
    };
}
async function applyMilestoneOps(client, at, ops, budget, result, options) {
    const { book, log } = options;
    for (let k = 0; k < ops.length; k++) {
        const op = ops[k];
        if (result.stoppedBy !== null || !budget.take(1, options.reserve)) {
            result.deferred += ops.length - k;
            result.stoppedBy ??= `the write budget (max-writes: ${budget.limit}) is spent`;
            return;
        }
        try {
            if (op.kind === 'create-milestone') {
                const number = await create(client, at, op);
                book.created.set(op.title.toLowerCase(), number.number);
                if (number.ours)
                    book.made.set(number.number, op.category);
                log(`milestone "${op.title}": #${number.number}`);
            }
            else if (op.kind === 'update-milestone') {
                await update(client, at, op, log);
            }
        }
        catch (error) {
            if (!isRateLimit(error))
                throw error;
            result.stoppedBy = `GitHub's rate limit (${messageOf(error)})`;
            result.deferred += ops.length - k;
            return;
        }
    }
}
/**
 * Sent once. When the answer is lost, or the name was taken meanwhile (another
 * run, a person), the milestone is looked up by name: one with the action's
 * description is the action's; a person's is used as it is, never recorded.
 */
async function create(client, at, op) {
    try {
        return { number: await createMilestone(client, at, op), ours: true };
    }
    catch (error) {
        if (!answerLost(error) && statusOf(error) !== 422)
            throw error;
        const found = (await listMilestones(client, at)).find(m => m.title.toLowerCase() === op.title.toLowerCase());
        if (!found)
            throw error;
        return { number: found.number, ours: found.description === op.description };
    }
}
async function update(client, at, op, log) {
    const { title, description, state } = op;
    try {
        await updateMilestone(client, at, op.number, {
            ...(title !== undefined ? { title } : {}),
            ...(description !== undefined ? { description } : {}),
            ...(state !== undefined ? { state } : {})
        });
        log(`milestone #${op.number}: ${op.why}`);
    }
    catch (error) {
        // Deleted, or its new name taken, since the listing: the next run plans from what is there then.
        if (statusOf(error) !== 404 && statusOf(error) !== 422)
            throw error;
        log(`milestone #${op.number} was not updated (${messageOf(error)}); the next run looks again`);
    }
}

;// CONCATENATED MODULE: ./.build/run/budget.js
// The write budget of one run (input max-writes): every write request counts,
// the lock and the commit included, so the cap is what it says.
class WriteBudget {
    limit;
    used = 0;
    constructor(limit) {
        this.limit = limit;
    }
    left() {
        return this.limit - this.used;
    }
    /** Records writes that had to happen (taking over a dead run's lock). */
    force(n) {
        this.used += n;
    }
    /** Spends n writes if they fit, keeping `reserve` back for what must follow. */
    take(n, reserve = 0) {
        if (this.used + n + reserve > this.limit)
            return false;
        this.used += n;
        return true;
    }
}
/** Writes of the ledger on its own ref: tree, commit, ref. */
const LEDGER_REF_COST = 3;
/**
 * Writes the commit stage may make: tree, commit and ref (a pull request's one
 * more); the ledger is in that commit with `push`, on its own ref otherwise.
 */
function commitCost(mode) {
    return mode === 'push' ? 3 : mode === 'pull-request' ? 4 + LEDGER_REF_COST : LEDGER_REF_COST;
}

// EXTERNAL MODULE: ./.build/render/badge.js
var badge = __webpack_require__(7676);
// EXTERNAL MODULE: ./.build/render/card-model.js
var card_model = __webpack_require__(8165);
// EXTERNAL MODULE: ./.build/render/card.js
var card = __webpack_require__(1861);
;// CONCATENATED MODULE: ./.build/run/outputs.js



/** What the badge and card inputs ask for, drawn from the goals file as it will be committed. */
function outputs_outputsOf(settings, doc, siblings) {
    const sections = siblings
        ? siblings.files.map(path => ({
            title: path,
            categories: path === settings.path ? (0,card_model.cardCategoriesOf)(doc) : (siblings.rows.get(path) ?? [])
        }))
        : [{ title: null, categories: (0,card_model.cardCategoriesOf)(doc) }];
    const rows = sections.flatMap(s => s.categories);
    const done = siblings ? rows.reduce((sum, r) => sum + r.done, 0) : doc.done;
    const total = siblings ? rows.reduce((sum, r) => sum + r.total, 0) : doc.total;
    const outputs = [];
    if (settings.badge)
        outputs.push({ path: settings.badge, svg: (0,badge.renderBadge)(done, total) });
    if (settings.card)
        outputs.push({ path: settings.card, svg: (0,card/* renderCard */.Tm)({ sections }) });
    return outputs;
}

;// CONCATENATED MODULE: ./.build/github/files.js

/** The API serves file contents up to 100 MB; past that there is nothing to read. */
const API_FILE_LIMIT = 100 * 1024 * 1024;
/** The file at `ref`, or null when it does not exist there. */
async function readFile(client, at, path, ref) {
    let data;
    try {
        ;
        ({ data } = await client.rest.repos.getContent({ ...at, path, ref }));
    }
    catch (error) {
        if (statusOf(error) === 404)
            return null;
        if (statusOf(error) === 403 && /too.large|too_large/i.test(messageOf(error))) {
            throw new ActionError(`${path} is too large for the GitHub API (over 100 MB); keep the goals file smaller.`);
        }
        throw explainAccess(error, `read ${path} at ${ref}`, 'contents: read');
    }
    if (Array.isArray(data) || data.type !== 'file') {
        throw new ActionError(`${path} is not a file at ${ref} (it is a ${Array.isArray(data) ? 'directory' : data.type}); point the input at the file itself.`);
    }
    const file = data;
    if (file.size > API_FILE_LIMIT) {
        throw new ActionError(`${path} is ${(file.size / 1024 / 1024).toFixed(0)} MB, over the 100 MB the GitHub API serves; keep the goals file smaller.`);
    }
    // Files over 1 MB come without content; the blob API serves them.
    const base64 = file.encoding === 'base64' && file.content !== undefined
        ? file.content
        : (await client.rest.git.getBlob({ ...at, file_sha: file.sha })).data.content;
    return { text: decodeUtf8(Buffer.from(base64, 'base64'), path), sha: file.sha };
}
/** Strict: a lenient decode would replace bytes and the commit back would change lines we do not own. */
function decodeUtf8(bytes, path) {
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        throw new ActionError(`${path} is not UTF-8 text; save it as UTF-8 so goals-sync can edit it without changing other bytes.`);
    }
}
/** Tells a missing branch from a missing file after a 404, so the error can say which. */
async function branchExists(client, at, branch) {
    try {
        await client.rest.git.getRef({ ...at, ref: `heads/${branch}` });
        return true;
    }
    catch (error) {
        if (statusOf(error) === 404)
            return false;
        throw explainAccess(error, `read the branch ${branch}`, 'contents: read');
    }
}
async function defaultBranch(client, at) {
    try {
        const { data } = await client.rest.repos.get({ ...at });
        return data.default_branch;
    }
    catch (error) {
        if (statusOf(error) === 404) {
            throw new ActionError(`Repository ${at.owner}/${at.repo} was not found, or the token cannot see it.`);
        }
        throw explainAccess(error, `read the repository ${at.owner}/${at.repo}`, 'contents: read');
    }
}
/** The branch's head commit and its tree, in one read. */
async function readHead(client, at, branch) {
    try {
        const { data } = await client.rest.repos.getCommit({ ...at, ref: `heads/${branch}` });
        return { sha: data.sha, tree: data.commit.tree.sha };
    }
    catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 422) {
            throw new ActionError(`Branch "${branch}" does not exist in ${at.owner}/${at.repo}: set the input "branch" to an existing branch, or leave it empty for the default branch.`);
        }
        throw explainAccess(error, `read the branch ${branch}`, 'contents: read');
    }
}
/**
 * Every file on the branch with its blob id, from one recursive tree read: what a `path`
 * glob is matched against. A tree too large for one answer is refused rather
 * than matched in part, so no goals file is silently left out.
 */
async function listPaths(client, at, branch) {
    let data;
    try {
        ;
        ({ data } = await client.rest.git.getTree({ ...at, tree_sha: branch, recursive: 'true' }));
    }
    catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 409) {
            throw new ActionError(`Branch "${branch}" does not exist in ${at.owner}/${at.repo} (or is empty): set the input "branch" to an existing branch, or leave it empty for the default branch.`);
        }
        throw explainAccess(error, `list the files of ${branch}`, 'contents: read');
    }
    if (data.truncated) {
        throw new ActionError(`The repository's file list on "${branch}" is too large for one read, so the glob in input "path" cannot be matched reliably; list the goals files by name instead (comma-separated).`);
    }
    // Path → blob id: a file's id tells whether it is still as the action last wrote it.
    return new Map(data.tree
        .filter(e => e.type === 'blob' && e.path && e.sha)
        .map(e => [e.path, e.sha]));
}

;// CONCATENATED MODULE: ./.build/github/commit.js


/** The run's write budget does not cover the commit; the next run makes it. */
class BudgetSpent extends Error {
}
const commit_sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
async function headOf(client, at, branch) {
    try {
        const { data } = await client.rest.git.getRef({ ...at, ref: `heads/${branch}` });
        return data.object.sha;
    }
    catch (error) {
        if (statusOf(error) === 404)
            return null;
        throw explainAccess(error, `read the branch ${branch}`, 'contents: read');
    }
}
async function writeCommit(client, at, parents, base, files, message) {
    try {
        const baseTree = typeof base === 'string'
            ? (await client.rest.git.getCommit({ ...at, commit_sha: base })).data.tree.sha
            : base.tree;
        const entry = (path, blob) => ({
            path,
            mode: '100644',
            type: 'blob',
            ...blob
        });
        const createTree = (tree) => client.rest.git.createTree({ ...at, base_tree: baseTree, tree });
        const tree = await createTree([...files].map(([path, content]) => entry(path, { content }))).catch(async (error) => {
            // A server that takes no inline content in trees gets the blobs first.
            if (statusOf(error) !== 400 && statusOf(error) !== 422)
                throw error;
            const blobs = [];
            for (const [path, content] of files) {
                const { data } = await client.rest.git.createBlob({ ...at, content, encoding: 'utf-8' });
                blobs.push(entry(path, { sha: data.sha }));
            }
            return createTree(blobs);
        });
        // No author or committer: GitHub then signs the commit as the token's identity.
        const { data: commit } = await client.rest.git.createCommit({
            ...at,
            message,
            tree: tree.data.sha,
            parents
        });
        return commit.sha;
    }
    catch (error) {
        throw explainAccess(error, 'write the commit', 'contents: write');
    }
}
function protectionError(branch, error) {
    return new ActionError(`The branch "${branch}" refused the commit: ${messageOf(error).split('\n')[0]} (branch protection or a ruleset). ` +
        'Fix: set the input "commit: pull-request" so goals-sync opens a pull request instead, ' +
        'or let the workflow token bypass the rule.');
}
const isProtection = (error) => (statusOf(error) === 422 || statusOf(error) === 409 || statusOf(error) === 403) &&
    /protected branch|rule violation|ruleset|required status|changes must be made/i.test(messageOf(error));
const isNotFastForward = (error) => statusOf(error) === 422 && /fast.forward/i.test(messageOf(error));
/** The branch head and the files that would change there; the budget is asked only when there are some. */
async function changesAtHead(client, at, options, known) {
    const head = known?.sha ?? (await headOf(client, at, options.branch));
    if (!head) {
        throw new ActionError(`Branch "${options.branch}" does not exist; set the input "branch" to an existing branch.`);
    }
    const files = await options.produce(path => {
        const cached = known?.files.get(path);
        if (cached !== undefined)
            return Promise.resolve(cached);
        return readFile(client, at, path, head).then(f => f?.text ?? null);
    }, head);
    if (files.size > 0 && options.mayWrite && !options.mayWrite()) {
        throw new BudgetSpent('no write budget left for the commit');
    }
    return { head, files };
}
async function commitToBranch(client, at, options) {
    const attempts = options.maxAttempts ?? 5;
    const backoff = options.backoff ?? (n => 500 * n * n);
    for (let attempt = 1;; attempt++) {
        const known = attempt === 1 ? options.known : undefined;
        const { head, files } = await changesAtHead(client, at, options, known);
        if (files.size === 0)
            return { sha: null, files: [], attempts: attempt };
        const sha = await writeCommit(client, at, [head], known ?? head, files, options.message);
        try {
            await client.rest.git.updateRef({ ...at, ref: `heads/${options.branch}`, sha, force: false });
            return { sha, files: [...files.keys()], attempts: attempt };
        }
        catch (error) {
            if (isProtection(error))
                throw protectionError(options.branch, error);
            if (!isNotFastForward(error))
                throw explainAccess(error, `update the branch ${options.branch}`, 'contents: write');
            if (attempt >= attempts) {
                throw new ActionError(`The branch "${options.branch}" kept moving during the run (${attempts} tries); run the workflow again.`);
            }
            await commit_sleep(backoff(attempt));
        }
    }
}
/**
 * The same edits as a pull request from the action's own branch. Each run adds
 * one commit whose tree is the base head plus the new files; when the base has
 * moved, the commit also has the base head as a parent, so the branch is only
 * ever fast-forwarded and the pull request shows just the sync's changes.
 */
async function commitAsPullRequest(client, at, options) {
    const { head: baseHead, files } = await changesAtHead(client, at, options);
    if (files.size === 0)
        return { sha: null, files: [], attempts: 1 };
    const prHead = await headOf(client, at, options.prBranch);
    let parents = [baseHead];
    if (prHead) {
        const { data: last } = await client.rest.git.getCommit({ ...at, commit_sha: prHead });
        parents =
            last.parents.some(p => p.sha === baseHead) || prHead === baseHead
                ? [prHead]
                : [prHead, baseHead];
    }
    const sha = await writeCommit(client, at, parents, baseHead, files, options.message);
    try {
        if (prHead)
            await client.rest.git.updateRef({
                ...at,
                ref: `heads/${options.prBranch}`,
                sha,
                force: false
            });
        else
            await client.rest.git.createRef({ ...at, ref: `refs/heads/${options.prBranch}`, sha });
    }
    catch (error) {
        throw explainAccess(error, `push the branch ${options.prBranch}`, 'contents: write');
    }
    try {
        const { data: open } = await client.rest.pulls.list({
            ...at,
            state: 'open',
            head: `${at.owner}:${options.prBranch}`,
            base: options.branch
        });
        const existing = open[0];
        if (existing) {
            return {
                sha,
                files: [...files.keys()],
                attempts: 1,
                pullRequest: { number: existing.number, url: existing.html_url, created: false }
            };
        }
        const { data: pr } = await client.rest.pulls.create({
            ...at,
            title: options.title,
            body: options.body,
            head: options.prBranch,
            base: options.branch
        });
        return {
            sha,
            files: [...files.keys()],
            attempts: 1,
            pullRequest: { number: pr.number, url: pr.html_url, created: true }
        };
    }
    catch (error) {
        throw explainAccess(error, 'open the pull request', 'pull-requests: write');
    }
}

;// CONCATENATED MODULE: ./.build/github/ledger-store.js


const LEDGER_REF = 'goals-sync/ledger';
const FILE_IN_REF = 'ledger.json';
/** The ledger on the action's ref, or null when there is none yet. */
async function readLedgerRef(client, at) {
    let commit;
    try {
        const { data } = await client.rest.git.getRef({ ...at, ref: LEDGER_REF });
        commit = data.object.sha;
    }
    catch (error) {
        if (statusOf(error) === 404)
            return null;
        throw explainAccess(error, `read refs/${LEDGER_REF}`, 'contents: read');
    }
    const file = await readFile(client, at, FILE_IN_REF, commit);
    return file ? { text: file.text, commit } : null;
}
/**
 * Writes the ledger as a new commit on the ref, on top of `parent` (null: the
 * ref is new). False when another run moved the ref first: re-read, merge, retry.
 */
async function writeLedgerRef(client, at, text, parent) {
    try {
        const { data: tree } = await client.rest.git.createTree({
            ...at,
            tree: [{ path: FILE_IN_REF, mode: '100644', type: 'blob', content: text }]
        });
        const { data: commit } = await client.rest.git.createCommit({
            ...at,
            message: 'goals-sync ledger',
            tree: tree.sha,
            parents: parent ? [parent] : []
        });
        try {
            if (parent)
                await client.rest.git.updateRef({ ...at, ref: LEDGER_REF, sha: commit.sha, force: false });
            else
                await client.rest.git.createRef({ ...at, ref: `refs/${LEDGER_REF}`, sha: commit.sha });
            return true;
        }
        catch (error) {
            if (statusOf(error) === 422)
                return false;
            throw error;
        }
    }
    catch (error) {
        throw explainAccess(error, `write refs/${LEDGER_REF}`, 'contents: write');
    }
}

// EXTERNAL MODULE: ./.build/goals/parse.js + 2 modules
var parse = __webpack_require__(9997);
// EXTERNAL MODULE: ./.build/goals/edit.js
var goals_edit = __webpack_require__(1297);
;// CONCATENATED MODULE: ./.build/goals/lines.js
// A goals file is edited line by line; keeping each line's own ending (and the
// BOM) separately is what lets an untouched file round-trip byte for byte.
const BOM = '\uFEFF';
function splitLines(source) {
    const bom = source.startsWith(BOM) ? BOM : '';
    const body = bom ? source.slice(1) : source;
    const lines = [];
    let start = 0;
    for (let i = 0; i < body.length; i++) {
        const c = body.charCodeAt(i);
        if (c === 10 /* \n */) {
            lines.push({ text: body.slice(start, i), eol: '\n' });
            start = i + 1;
        }
        else if (c === 13 /* \r */) {
            const crlf = body.charCodeAt(i + 1) === 10;
            lines.push({ text: body.slice(start, i), eol: crlf ? '\r\n' : '\r' });
            if (crlf)
                i++;
            start = i + 1;
        }
    }
    if (start < body.length)
        lines.push({ text: body.slice(start), eol: '' });
    return { bom, lines };
}
function joinLines({ bom, lines }) {
    let out = bom;
    for (const line of lines)
        out += line.text + line.eol;
    return out;
}

;// CONCATENATED MODULE: ./.build/goals/append.js
// Adding a goal born elsewhere (an issue) to the file: one new line, written in
// the style of the goals around it, and nothing else moved. The result is parsed
// again and refused unless the file gained exactly that goal, so a surprise in
// the user's Markdown can never turn into a lost or misplaced line.


class AppendError extends Error {
}
/**
 * Goal text as one line that cannot start or end any block: line breaks and
 * other control characters become spaces, and `<!--` is written `<\!--` so a
 * renderer shows it instead of hiding what follows. Everything else is kept:
 * after the box, nothing can be read as a heading, fence or counter.
 */
function inertTitle(title) {
    // eslint-disable-next-line no-control-regex
    const oneLine = title.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, ' ').trim();
    if (oneLine === '')
        throw new AppendError('a goal title cannot be empty');
    return oneLine.replace(/<!--/g, '<\\!--');
}
/** Why `name` cannot be written as a category heading that reads back as itself, or null. */
function categoryNameProblem(name, categoryLevel = 2) {
    if (name.trim() !== name || name === '')
        return 'it is empty or starts or ends with a space';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\u0085\u2028\u2029]/.test(name))
        return 'it contains a line break';
    if (name.includes('<!--'))
        return 'it contains "<!--"';
    const heading = `${'#'.repeat(categoryLevel)} ${name}`;
    const read = (0,parse/* parseGoals */.GU)(`${heading}\n`, { categoryLevel }).categories[0];
    if (read?.name !== name || read.heading.counter) {
        return 'a heading of it would read differently (a trailing "#" or "[n/m]")';
    }
    return null;
}
function appendGoal(source, goal) {
    const categoryLevel = goal.categoryLevel ?? 2;
    const doc = (0,parse/* parseGoals */.GU)(source, { categoryLevel });
    const split = splitLines(source);
    const eol = dominantEol(split.lines);
    const title = inertTitle(goal.title);
    const box = goal.checked ? 'x' : ' ';
    const sections = doc.categories.filter(c => c.name === goal.category);
    const section = sections.at(-1);
    const newCategory = goal.category !== null && !section;
    if (newCategory) {
        const problem = categoryNameProblem(goal.category, categoryLevel);
        if (problem) {
            throw new AppendError(`cannot add the category "${goal.category}": ${problem}`);
        }
    }
    const members = goal.category === null
        ? doc.goals.filter(g => g.category === null)
        : (section?.goals.map(i => doc.goals[i]) ?? []);
    const style = styleOf(doc, split.lines, members);
    const goalLine = `${style.prefix}[${box}]${style.gap}${title}`;
    let at;
    let insert;
    if (members.length > 0) {
        at = endOfItem(split.lines, doc, members.at(-1)) + 1;
        insert = style.spaced ? ['', goalLine] : [goalLine];
    }
    else if (section) {
        const heading = section.heading;
        const below = heading.counter?.ownLine ? heading.counter.line : heading.line;
        at = below + 1;
        insert = style.spaced || blankAfterHeading(doc, split.lines) ? ['', goalLine] : [goalLine];
    }
    else if (goal.category === null && doc.categories.length > 0) {
        at = doc.categories[0].heading.line;
        insert = [goalLine, ''];
        if (at > 0 && !isBlank(split.lines[at - 1]))
            insert.unshift('');
    }
    else {
        at = split.lines.length;
        insert = newCategory
            ? [
                `${'#'.repeat(categoryLevel)} ${goal.category}`,
                ...(blankAfterHeading(doc, split.lines) ? [''] : []),
                goalLine
            ]
            : [goalLine];
        if (at > 0 && !isBlank(split.lines[at - 1]))
            insert.unshift('');
    }
    const line = at + insert.indexOf(goalLine);
    const text = joinLines({ bom: split.bom, lines: spliceLines(split.lines, at, insert, eol) });
    checkAppended(doc, text, categoryLevel, {
        line,
        title,
        category: goal.category,
        checked: goal.checked
    });
    return { text, line, title, newCategory };
}
/** Inserts `texts` before line `at`; a last line without an ending keeps that role. */
function spliceLines(lines, at, texts, eol) {
    const out = lines.map(l => ({ ...l }));
    const added = texts.map(text => ({ text, eol }));
    const previous = out[at - 1];
    // Only the last line can lack an ending.
    if (previous && previous.eol === '') {
        previous.eol = eol;
        added.at(-1).eol = '';
    }
    out.splice(at, 0, ...added);
    return out;
}
function styleOf(doc, lines, members) {
    const own = members.filter(g => g.parent === null);
    const all = doc.goals.filter(g => g.parent === null);
    const last = (own.length > 0 ? own : all).at(-1);
    if (!last)
        return { prefix: '', gap: ' ', spaced: false };
    const text = lines[last.line].text;
    let prefix = text.slice(0, last.boxAt - 1);
    const ordered = /^(\d+)([.)])/.exec(last.marker);
    if (ordered) {
        // Continuing the same list counts on; a new list elsewhere starts at 1.
        const next = own.length > 0 ? Number(ordered[1]) + 1 : 1;
        prefix = last.indent + prefix.slice(last.indent.length).replace(/^\d+/, String(next));
    }
    return {
        prefix,
        gap: text.slice(last.boxAt + 2, last.titleStart),
        // One goal shows no spacing: the file's other categories tell.
        spaced: spacedIn(own.length > 1 ? own : all, lines)
    };
}
/** Whether the last two neighbouring top-level goals of one category have a blank line between them. */
function spacedIn(tops, lines) {
    for (let i = tops.length - 1; i > 0; i--) {
        const goal = tops[i];
        if (goal.category === tops[i - 1].category)
            return isBlank(lines[goal.line - 1]);
    }
    return false;
}
function blankAfterHeading(doc, lines) {
    const first = doc.categories.find(c => c.goals.length > 0);
    if (!first)
        return true;
    const h = first.heading;
    const below = h.counter?.ownLine ? h.counter.line : h.line;
    return isBlank(lines[below + 1]);
}
/** The last line of the top-level item holding `goal`: nested lines and paragraph continuation. */
function endOfItem(lines, doc, goal) {
    let root = goal;
    while (root.parent !== null)
        root = doc.goals[root.parent];
    const base = indentWidth(root.indent);
    let end = goal.line;
    for (let i = goal.line + 1; i < lines.length; i++) {
        const text = lines[i].text;
        if (text.trim() === '')
            continue;
        if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(text))
            break;
        const deeper = indentWidth(text) > base;
        const lazy = i === end + 1 && !startsBlockOrGoal(text);
        if (!deeper && !lazy)
            break;
        end = i;
    }
    return end;
}
function startsBlockOrGoal(text) {
    return /^[ \t]*(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|<!--|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|\[[ xX]\])/.test(text);
}
function indentWidth(text) {
    let width = 0;
    for (const c of text) {
        if (c === ' ')
            width++;
        else if (c === '\t')
            width += 4 - (width % 4);
        else
            break;
    }
    return width;
}
function isBlank(line) {
    return line !== undefined && line.text.trim() === '';
}
/** The most common line ending, '\n' for a file with none; ties go to the first seen. */
function dominantEol(lines) {
    const counts = new Map();
    for (const l of lines)
        if (l.eol)
            counts.set(l.eol, (counts.get(l.eol) ?? 0) + 1);
    let best = '\n';
    let most = 0;
    for (const [eol, n] of counts) {
        if (n > most) {
            best = eol;
            most = n;
        }
    }
    return best;
}
/** The new text must hold every old goal unchanged plus exactly the new one, where intended. */
function checkAppended(before, text, categoryLevel, want) {
    const after = (0,parse/* parseGoals */.GU)(text, { categoryLevel });
    // JSON keeps no category (null) apart from a category whose name is empty.
    const summary = (g) => JSON.stringify([g.category, g.title, g.checked]);
    const added = after.goals.find(g => g.line === want.line);
    const rest = after.goals.filter(g => g !== added).map(summary);
    const fine = added !== undefined &&
        added.title === want.title &&
        added.category === want.category &&
        added.checked === want.checked &&
        added.parent === null &&
        rest.join('\n') === before.goals.map(summary).join('\n');
    if (!fine) {
        throw new AppendError(`the goal "${want.title}" cannot be added safely at line ${want.line + 1} (the file's structure there, e.g. an unclosed code block or comment, would change its meaning); add it by hand`);
    }
}

;// CONCATENATED MODULE: ./.build/sync/diff.js
// Pairs the lines of two versions of the goals file. Unchanged lines keep
// their identity; within each changed hunk the removed and added lines are
// paired in order, which is how an edited goal is told from a new one.
/** Above this many cells the middle of the diff is not aligned (the files share no structure worth finding). */
const MAX_CELLS = 4_000_000;
function pairLines(before, after, maxCells = MAX_CELLS) {
    const same = new Map();
    // Equal ends are taken as they stand, so an edit beside a repeated line
    // pairs with its own neighbour and the table below covers only the middle.
    // Past its end a side reads undefined, which equals no line.
    let start = 0;
    while (start < before.length && before[start] === after[start]) {
        same.set(start, start);
        start++;
    }
    let endB = before.length;
    let endA = after.length;
    while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
        endB--;
        endA--;
        same.set(endB, endA);
    }
    const n = endB - start;
    const m = endA - start;
    if (n * m > maxCells) {
        return { same, hunks: [{ removed: range(start, endB), added: range(start, endA) }] };
    }
    // lcs[i * width + j]: longest common subsequence of the middles from i and from j.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            lcs[i * width + j] =
                before[start + i] === after[start + j]
                    ? lcs[(i + 1) * width + j + 1] + 1
                    : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
        }
    }
    const hunks = [];
    let hunk = { removed: [], added: [] };
    const flush = () => {
        if (hunk.removed.length > 0 || hunk.added.length > 0)
            hunks.push(hunk);
        hunk = { removed: [], added: [] };
    };
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && before[start + i] === after[start + j]) {
            flush();
            same.set(start + i++, start + j++);
        }
        else if (j < m && (i === n || lcs[i * width + j + 1] > lcs[(i + 1) * width + j])) {
            // On a tie the before line goes first: a removal is listed before an addition.
            hunk.added.push(start + j++);
        }
        else {
            hunk.removed.push(start + i++);
        }
    }
    flush();
    return { same, hunks };
}
function range(from, to) {
    const out = [];
    for (let k = from; k < to; k++)
        out.push(k);
    return out;
}
/** Dice coefficient over character bigrams, case- and space-insensitive: 1 for equal texts. */
function similarity(a, b) {
    const x = normalise(a);
    const y = normalise(b);
    if (x === y)
        return 1;
    const gx = bigrams(x);
    const gy = bigrams(y);
    const counts = new Map();
    for (const g of gx)
        counts.set(g, (counts.get(g) ?? 0) + 1);
    let shared = 0;
    for (const g of gy) {
        const c = counts.get(g) ?? 0;
        if (c > 0) {
            shared++;
            counts.set(g, c - 1);
        }
    }
    const total = gx.length + gy.length;
    // Two different texts of one character each have no bigram at all.
    return total === 0 ? 0 : (2 * shared) / total;
}
function normalise(text) {
    return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
function bigrams(text) {
    const out = [];
    for (let k = 0; k + 1 < text.length; k++)
        out.push(text.slice(k, k + 2));
    return out;
}
/** A text's bigrams as a set: the k-th repeat of a bigram is its own token, so sets count like multisets. */
function bigramTokens(text) {
    const seen = new Map();
    return bigrams(text).map(g => {
        const n = (seen.get(g) ?? 0) + 1;
        seen.set(g, n);
        return `${g}${n}`;
    });
}
/** The words of a text (letters and digits) as tokens; one equal to a bigram token only adds candidates. */
function wordTokens(text) {
    return [...new Set(text.match(/[\p{L}\p{N}]+/gu) ?? [])].map(w => `w ${w}`);
}
/**
 * How many of a text's `size` bigram tokens, taken in one order shared by all
 * texts, are enough for two texts at Dice ≥ `threshold` to share one (prefix
 * filtering): such texts overlap in at least t·|X|/(2−t) tokens, so they meet
 * among the first |X| − ⌈t·|X|/(2−t)⌉ + 1 of each. The small epsilon keeps a
 * quotient that is whole on paper whole in floating point.
 */
function prefixLength(size, threshold) {
    return size - Math.ceil((threshold * size) / (2 - threshold) - 1e-9) + 1;
}
/**
 * The keys each text is indexed and looked up under: its rarest bigram tokens
 * (fewest texts first, then by token; any one order would find the same pairs,
 * rarest first keeps the buckets small), as many as prefixLength says, and
 * its words. A text too short for a bigram is keyed by itself: only an equal
 * text reaches a threshold against it.
 */
function similarityKeys(texts, threshold) {
    const normal = texts.map(normalise);
    const tokens = normal.map(bigramTokens);
    const frequency = new Map();
    for (const list of tokens)
        for (const t of list)
            frequency.set(t, (frequency.get(t) ?? 0) + 1);
    const order = [...frequency.keys()].sort().sort((a, b) => frequency.get(a) - frequency.get(b));
    const rank = new Map(order.map((t, k) => [t, k]));
    return normal.map((text, k) => {
        if (text.length < 2)
            return [`=${text}`];
        const own = tokens[k].sort((a, b) => rank.get(a) - rank.get(b));
        return [...own.slice(0, prefixLength(own.length, threshold)), ...wordTokens(text)];
    });
}
/** Above this many texts sharing a key, the key no longer narrows the search. */
const COMMON_TOKEN = 32;
/**
 * Every pair (a from `left`, b from `right`) whose similarity is at least
 * `threshold`, without comparing every pair: only texts sharing a key (see
 * similarityKeys) are compared. Keys shared by more than `common` texts are
 * skipped while a text has rarer ones, and a text with none but common keys
 * is compared with the texts of its smallest bucket only: below that the
 * result is exactly what comparing every pair gives; above it, pairs sharing
 * only common keys (texts that are all alike, never an ordinary edit, which
 * keeps its rare words) may be missed.
 */
function similarPairs(left, right, threshold, common = COMMON_TOKEN) {
    const keys = similarityKeys([...left, ...right], threshold);
    const index = new Map();
    keys.slice(left.length).forEach((list, b) => {
        for (const key of list) {
            const bucket = index.get(key);
            if (bucket)
                bucket.push(b);
            else
                index.set(key, [b]);
        }
    });
    const pairs = [];
    keys.slice(0, left.length).forEach((list, a) => {
        const buckets = list.flatMap(key => {
            const bucket = index.get(key);
            return bucket ? [bucket] : [];
        });
        const narrow = buckets.filter(b => b.length <= common);
        const smallest = buckets.reduce((best, b) => (b.length < best.length ? b : best), buckets[0] ?? []);
        const candidates = new Set((narrow.length > 0 ? narrow : [smallest]).flat());
        for (const b of candidates) {
            const score = similarity(left[a], right[b]);
            if (score >= threshold)
                pairs.push({ a, b, score });
        }
    });
    return pairs;
}

;// CONCATENATED MODULE: ./.build/sync/match.js



/** Below this, two titles are different goals. */
const SIMILAR_ENOUGH = 0.6;
function keyOfGoal(doc, index) {
    const g = doc.goals[index];
    return goalKey(g.category, identityTitle(g.title), g.occurrence);
}
function keyOfIssue(issue) {
    return goalKey(issue.marker.category, issue.marker.title, issue.marker.n);
}
/** One issue per key: an open, not-removed one first, then the lowest number. */
function primaryByKey(issues) {
    const byKey = new Map();
    const duplicates = [];
    const rank = (i) => (i.marker.removed ? 2 : 0) + (i.state === 'open' ? 0 : 1);
    const sorted = [...issues].sort((a, b) => rank(a) - rank(b) || a.number - b.number);
    for (const issue of sorted) {
        const key = keyOfIssue(issue);
        if (byKey.has(key))
            duplicates.push(issue);
        else
            byKey.set(key, issue);
    }
    return { byKey, duplicates };
}
function matchGoals(doc, lines, issues, before) {
    const { byKey, duplicates } = primaryByKey(issues);
    const issueOf = doc.goals.map(() => null);
    const via = doc.goals.map(() => null);
    const claimed = new Set();
    const claim = (goal, issue, how) => {
        issueOf[goal] = issue;
        via[goal] = how;
        claimed.add(issue.number);
    };
    const beforeGoal = before ? pairWithBefore(doc, lines, before) : doc.goals.map(() => null);
    if (before) {
        doc.goals.forEach((_, a) => {
            const b = beforeGoal[a];
            if (b === null || b === undefined)
                return;
            // Pairs are one to one and keys unique, so no issue can be claimed twice here.
            const issue = byKey.get(keyOfGoal(before.doc, b));
            if (issue)
                claim(a, issue, 'push');
        });
    }
    doc.goals.forEach((_, a) => {
        if (issueOf[a])
            return;
        const issue = byKey.get(keyOfGoal(doc, a));
        if (issue && !claimed.has(issue.number))
            claim(a, issue, 'key');
    });
    const free = () => [...byKey.values()].filter(i => !claimed.has(i.number));
    // A goal moved to another category keeps its title.
    const byTitle = new Map();
    for (const issue of byKey.values()) {
        const list = byTitle.get(issue.marker.title) ?? [];
        list.push(issue);
        byTitle.set(issue.marker.title, list);
    }
    doc.goals.forEach((g, a) => {
        if (issueOf[a])
            return;
        const candidates = (byTitle.get(identityTitle(g.title)) ?? []).filter(i => !claimed.has(i.number));
        const best = candidates.find(i => i.marker.n === g.occurrence) ?? candidates[0];
        if (best)
            claim(a, best, 'title');
    });
    // Edited text outside a push (or an edit the push could not pair): closest title wins.
    const unmatched = doc.goals.flatMap((g, a) => issueOf[a] ? [] : [{ goal: a, title: g.title, category: g.category }]);
    const open = free().filter(i => !i.marker.removed);
    const scored = similarPairs(unmatched.map(u => u.title), open.map(i => i.marker.title), SIMILAR_ENOUGH).map(p => {
        const u = unmatched[p.a];
        const issue = open[p.b];
        return {
            goal: u.goal,
            issue,
            score: p.score + (issue.marker.category === u.category ? 0.01 : 0)
        };
    });
    scored.sort((x, y) => y.score - x.score || x.issue.number - y.issue.number || x.goal - y.goal);
    for (const s of scored) {
        if (!issueOf[s.goal] && !claimed.has(s.issue.number))
            claim(s.goal, s.issue, 'similar');
    }
    return { issueOf, via, beforeGoal, orphans: free(), duplicates };
}
/** For each goal of the file, the before-version goal on the same (or the paired edited) line. */
function pairWithBefore(doc, lines, before) {
    const goalAtBefore = new Map(before.doc.goals.map((g, i) => [g.line, i]));
    const goalAtAfter = new Map(doc.goals.map((g, i) => [g.line, i]));
    const result = doc.goals.map(() => null);
    const pairing = pairLines(before.lines, lines);
    for (const [b, a] of pairing.same) {
        const gb = goalAtBefore.get(b);
        const ga = goalAtAfter.get(a);
        if (gb !== undefined && ga !== undefined)
            result[ga] = gb;
    }
    for (const hunk of pairing.hunks) {
        const removed = hunk.removed.flatMap(l => (goalAtBefore.has(l) ? [goalAtBefore.get(l)] : []));
        const added = hunk.added.flatMap(l => (goalAtAfter.has(l) ? [goalAtAfter.get(l)] : []));
        for (let k = 0; k < Math.min(removed.length, added.length); k++) {
            result[added[k]] = removed[k];
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./.build/sync/file-edits.js
// Applies the plan's goal edits to a version of the goals file, then brings the
// counters up to date. Goals are found by key, so the same edits can be applied
// again to a newer head when the branch moved during the run.




function applyGoalEdits(source, edits, categoryLevel) {
    // New goals first: the other edits find their goals by key in the text that holds them.
    let grown = source;
    const added = [];
    for (const edit of edits) {
        if (!edit.append)
            continue;
        const { category, title, checked } = edit.append;
        const result = appendGoal(grown, { category, title, checked, categoryLevel });
        grown = result.text;
        added.push({ edit, line: result.line });
    }
    const doc = (0,parse/* parseGoals */.GU)(grown, { categoryLevel });
    const byKey = new Map(doc.goals.map((_, i) => [keyOfGoal(doc, i), i]));
    const textEdits = [];
    const applied = added.map(({ edit, line }) => {
        const index = doc.goals.findIndex(g => g.line === line);
        return { edit: { ...edit, key: keyOfGoal(doc, index) }, line };
    });
    const missing = [];
    for (const edit of edits) {
        if (edit.append)
            continue;
        const index = byKey.get(edit.key);
        if (index === undefined) {
            missing.push(edit);
            continue;
        }
        const goal = doc.goals[index];
        if (edit.checked !== undefined) {
            const e = (0,goals_edit/* setCheckedEdit */.g7)(goal, edit.checked);
            if (e)
                textEdits.push(e);
        }
        if (edit.title !== undefined) {
            const e = (0,goals_edit/* retitleEdit */.Cd)(goal, edit.title);
            if (e)
                textEdits.push(e);
        }
        applied.push({ edit, line: goal.line });
    }
    const edited = (0,goals_edit/* applyEdits */.ct)(grown, textEdits);
    const text = (0,goals_edit/* applyEdits */.ct)(edited, (0,goals_edit/* counterEdits */._8)((0,parse/* parseGoals */.GU)(edited, { categoryLevel })));
    return { text, applied, missing };
}

;// CONCATENATED MODULE: ./.build/sync/ledger.js
// The ownership ledger: which issues the action created, for which goal, and
// the state both sides agreed on at the last sync. It lives where only people
// who can write the repository can change it (a committed file, or the
// action's own git ref), so nothing typed into an issue can make an issue the
// action's. Serialised one issue per line, in number order, so a diff of it
// reads like a list of what changed.

const LEDGER_FILE = '.github/goals-sync/ledger.json';
class LedgerError extends Error {
}
const emptyLedger = () => ({ seq: 0, issues: new Map(), blobs: new Map() });
function entryOf(marker, retired = false) {
    return {
        file: marker.file,
        category: marker.category,
        title: marker.title,
        n: marker.n,
        synced: marker.synced,
        removed: marker.removed,
        retired
    };
}
function markerOf(entry) {
    return {
        file: entry.file,
        category: entry.category,
        title: entry.title,
        n: entry.n,
        synced: entry.synced,
        removed: entry.removed
    };
}
function sameEntry(a, b) {
    return (a !== undefined &&
        a.file === b.file &&
        a.category === b.category &&
        a.title === b.title &&
        a.n === b.n &&
        a.synced === b.synced &&
        a.removed === b.removed &&
        a.retired === b.retired);
}
/** The git blob id of a text as git computes it: sha1 of `blob <bytes>\0<content>`. */
function blobId(text) {
    const bytes = Buffer.from(text, 'utf8');
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
const progressJson = (f) => JSON.stringify({ blob: f.blob, rows: f.rows.map(r => [r.name, r.done, r.total]) });
function entryJson(e) {
    return JSON.stringify({
        file: e.file,
        category: e.category,
        title: e.title,
        n: e.n,
        synced: e.synced,
        ...(e.removed ? { removed: true } : {}),
        ...(e.retired ? { retired: true } : {})
    });
}
function serializeLedger(ledger) {
    const issues = [...ledger.issues].sort(([a], [b]) => a - b);
    const blobs = [...ledger.blobs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const block = (rows) => (rows.length === 0 ? '{}' : `{\n${rows.join(',\n')}\n  }`);
    const milestones = [...(ledger.milestones ?? [])].sort(([a], [b]) => a - b);
    const progress = [...(ledger.progress ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sections = [
        `  "issues": ${block(issues.map(([n, e]) => `    "${n}": ${entryJson(e)}`))}`,
        // Left out while empty, so a ledger without them reads as earlier versions wrote it.
        ...(milestones.length > 0
            ? [`  "milestones": ${block(milestones.map(([n, c]) => `    "${n}": ${JSON.stringify(c)}`))}`]
            : []),
        ...(progress.length > 0
            ? [
                `  "progress": ${block(progress.map(([p, f]) => `    ${JSON.stringify(p)}: ${progressJson(f)}`))}`
            ]
            : [])
    ];
    return [
        '{',
        '  "version": 1,',
        `  "seq": ${ledger.seq},`,
        `  "blobs": ${block(blobs.map(([p, s]) => `    ${JSON.stringify(p)}: ${JSON.stringify(s)}`))},`,
        sections.join(',\n'),
        '}',
        ''
    ].join('\n');
}
const ENTRY_KEYS = new Set(['file', 'category', 'title', 'n', 'synced', 'removed', 'retired']);
/** Reads a ledger; anything a hand edit can break is an error naming the place and the fix. */
function parseLedger(text, where) {
    const fix = `restore it from the history (git log -p -- ${LEDGER_FILE}), or delete it so the next run rebuilds it from the action's issues`;
    const fail = (what) => {
        throw new LedgerError(`The goals-sync ledger ${where} ${what}; ${fix}.`);
    };
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (error) {
        return fail(`is not valid JSON (${error.message})`);
    }
    if (!isObject(raw))
        return fail('is not a JSON object');
    if (raw.version !== 1)
        return fail(`has version ${JSON.stringify(raw.version)}, not 1`);
    if (!isCount(raw.seq))
        return fail('has no "seq" (a whole number)');
    if (!isObject(raw.blobs))
        return fail('has no "blobs" object');
    if (!isObject(raw.issues))
        return fail('has no "issues" object');
    const blobs = new Map();
    for (const [path, sha] of Object.entries(raw.blobs)) {
        if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha))
            fail(`has a blob id for ${JSON.stringify(path)} that is not 40 hex digits`);
        blobs.set(path, sha);
    }
    const issues = new Map();
    for (const [key, value] of Object.entries(raw.issues)) {
        const at = `issue ${JSON.stringify(key)}`;
        if (!/^[1-9][0-9]*$/.test(key))
            fail(`lists ${at}, which is not an issue number`);
        if (!isObject(value))
            return fail(`has ${at} that is not an object`);
        const odd = Object.keys(value).find(k => !ENTRY_KEYS.has(k));
        if (odd !== undefined)
            fail(`has an unknown key "${odd}" in ${at}`);
        if (typeof value.file !== 'string' || value.file === '')
            fail(`has no "file" in ${at}`);
        if (value.category !== null && typeof value.category !== 'string')
            fail(`has a "category" in ${at} that is neither text nor null`);
        if (typeof value.title !== 'string')
            fail(`has no "title" in ${at}`);
        if (!isCount(value.n))
            fail(`has an "n" in ${at} that is not a whole number`);
        if (value.synced !== 'open' && value.synced !== 'closed')
            fail(`has a "synced" in ${at} that is neither "open" nor "closed"`);
        for (const flag of ['removed', 'retired']) {
            if (value[flag] !== undefined && typeof value[flag] !== 'boolean')
                fail(`has a "${flag}" in ${at} that is not true or false`);
        }
        issues.set(Number(key), {
            file: value.file,
            category: value.category,
            title: value.title,
            n: value.n,
            synced: value.synced,
            removed: value.removed === true,
            retired: value.retired === true
        });
    }
    const ledger = { seq: raw.seq, issues, blobs };
    if (raw.milestones !== undefined)
        ledger.milestones = parseMilestones(raw.milestones, fail);
    if (raw.progress !== undefined)
        ledger.progress = parseProgress(raw.progress, fail);
    return ledger;
}
function parseProgress(raw, fail) {
    if (!isObject(raw))
        return fail('has a "progress" that is not an object');
    const files = new Map();
    for (const [path, value] of Object.entries(raw)) {
        const at = `"progress" of ${JSON.stringify(path)}`;
        if (!isObject(value) || typeof value.blob !== 'string' || !/^[0-9a-f]{40}$/.test(value.blob))
            return fail(`has a ${at} without a blob id of 40 hex digits`);
        if (!Array.isArray(value.rows))
            return fail(`has a ${at} without "rows"`);
        const rows = value.rows.map((row) => {
            const ok = Array.isArray(row) &&
                row.length === 3 &&
                typeof row[0] === 'string' &&
                isCount(row[1]) &&
                isCount(row[2]) &&
                row[1] <= row[2];
            if (!ok)
                return fail(`has a row in ${at} that is not [category, done, total]`);
            const [name, done, total] = row;
            return { name, done, total };
        });
        files.set(path, { blob: value.blob, rows });
    }
    return files;
}
const sameProgress = (a, b) => a !== undefined && a.blob === b.blob && JSON.stringify(a.rows) === JSON.stringify(b.rows);
function parseMilestones(raw, fail) {
    if (!isObject(raw))
        return fail('has a "milestones" that is not an object');
    const made = new Map();
    for (const [key, category] of Object.entries(raw)) {
        const at = `milestone ${JSON.stringify(key)}`;
        if (!/^[1-9][0-9]*$/.test(key))
            fail(`lists ${at}, which is not a milestone number`);
        if (typeof category !== 'string' || category === '')
            fail(`has no category (text) for ${at} in "milestones"`);
        made.set(Number(key), category);
    }
    return made;
}
const sameMade = (a, b) => a.size === b.size && [...a].every(([n, c]) => b.get(n) === c);
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
/**
 * The ledger with `changes` and blob ids laid over it (later ones win) and, when
 * given, `milestones` as the whole set the action made; one seq on; null when
 * nothing changes.
 */
function withChanges(base, changes, blobs = [], milestones, progress = []) {
    const issues = new Map(base.issues);
    let changed = false;
    for (const [n, entry] of changes) {
        if (sameEntry(issues.get(n), entry))
            continue;
        issues.set(n, entry);
        changed = true;
    }
    const files = new Map(base.blobs);
    for (const [path, sha] of blobs) {
        if (files.get(path) === sha)
            continue;
        files.set(path, sha);
        changed = true;
    }
    let made = base.milestones;
    if (milestones && !sameMade(milestones, made ?? new Map())) {
        made = new Map(milestones);
        changed = true;
    }
    let counted = base.progress;
    for (const [path, file] of progress) {
        if (sameProgress(counted?.get(path), file))
            continue;
        counted = new Map(counted ?? []);
        counted.set(path, file);
        changed = true;
    }
    if (!changed)
        return null;
    return {
        seq: base.seq + 1,
        issues,
        blobs: files,
        ...(made ? { milestones: made } : {}),
        ...(counted ? { progress: counted } : {})
    };
}

;// CONCATENATED MODULE: ./.build/run/commit.js











/** Whether the ledger can change in this run: a write that records something, or records that differ. */
function ledgerMayChange(snapshot, decision, finalDoc, settings) {
    // A pull request is not on the branch yet: its issue-side changes are recorded once it is merged.
    const onBranch = settings.commit === 'push';
    const path = settings.path;
    const known = [
        ...snapshot.ledger.added,
        ...decision.records,
        ...(onBranch ? editRecords(finalDoc, decision.edits, path) : [])
    ];
    const milestones = decision.milestones;
    return (ledgerChanges(snapshot.ledger, known, madeOf(milestones?.made)) ||
        decision.ops.some(op => op.kind === 'create-issue' || (op.kind === 'update-issue' && op.record)) ||
        (milestones?.before.some(op => op.kind === 'create-milestone') ?? false));
}
const madeOf = (made) => made && new Map(made.map(m => [m.number, m.category]));
/**
 * Whether this run is a push that changed `path` (or may have: the event does
 * not list every path). An output changed by a push, by hand say, is read and
 * put right at once, not at the next change of progress.
 */
function pushedTo(snapshot, path) {
    const work = snapshot.work;
    return work.kind === 'push' && (work.changed?.includes(path) ?? true);
}
/**
 * Whether the run may have anything to commit. A run that changes nothing in
 * the file or the ledger reads the badge and card to see whether they are stale;
 * an issue event leaves them to the next full run, so it stays within its read bound.
 */
async function commitNeeded(reader, snapshot, decision, finalText) {
    const { settings, client, at } = reader;
    const finalDoc = (0,parse/* parseGoals */.GU)(finalText, { categoryLevel: snapshot.config.headingLevel });
    if (ledgerMayChange(snapshot, decision, finalDoc, settings))
        return true;
    if (settings.commit === 'none')
        return false;
    if (finalText !== snapshot.goals.text)
        return true;
    if (snapshot.work.kind === 'issue')
        return false;
    const blobs = snapshot.ledger.ledger.blobs;
    const fileIsOurs = blobs.get(settings.path) === snapshot.goals.sha;
    for (const output of outputs_outputsOf(settings, finalDoc, snapshot.siblings)) {
        // The file is the one the action last wrote, and so is this output: no need to download it.
        if (!pushedTo(snapshot, output.path) &&
            fileIsOurs &&
            blobs.get(output.path) === blobId(output.svg))
            continue;
        const stored = await readFile(client, at, output.path, snapshot.branch);
        if (stored?.text !== output.svg)
            return true;
    }
    return false;
}
async function commitStage(reader, snapshot, decision, applied, budget, options) {
    const { settings } = reader;
    const changes = [
        ...snapshot.ledger.added,
        ...decision.records,
        ...applied.recorded
    ];
    const warnings = [];
    let commit = null;
    const milestones = applied.milestones;
    let appended = [];
    let ledgerLanded = settings.commit === 'push' && !ledgerChanges(snapshot.ledger, changes, milestones);
    try {
        if (settings.commit !== 'none') {
            const produced = await commitFiles(reader, snapshot, decision.edits, changes, budget, {
                ...options,
                warnings,
                milestones
            });
            commit = produced.commit;
            appended = produced.appended;
            if (settings.commit === 'push')
                ledgerLanded ||= produced.ledgerWritten;
        }
        if (settings.commit !== 'push') {
            ledgerLanded = await commitLedgerRef(reader, snapshot, changes, budget, {
                reserve: options.reserve,
                milestones
            });
        }
        return { commit, ledgerLanded, deferredBy: null, warnings, appended };
    }
    catch (error) {
        if (!isRateLimit(error) && !(error instanceof BudgetSpent))
            throw error;
        // The issues are done as far as they went; the file and the ledger wait for the next run.
        return {
            commit,
            ledgerLanded,
            deferredBy: error instanceof BudgetSpent
                ? `the write budget (max-writes: ${budget.limit}) is spent`
                : `GitHub's rate limit (${messageOf(error)})`,
            warnings,
            appended: []
        };
    }
}
const ledgerChanges = (loaded, changes, milestones) => withChanges(loaded.ledger, changes, [], milestones) !== null ||
    (loaded.stored === null && loaded.ledger.issues.size > 0);
async function commitFiles(reader, snapshot, edits, changes, budget, options) {
    const { settings, client, at } = reader;
    const { branch } = snapshot;
    const level = snapshot.config.headingLevel;
    const onBranch = settings.commit === 'push';
    let ledgerWritten = false;
    let appended = [];
    const produce = async (read) => {
        const files = new Map();
        const current = await read(settings.path);
        if (current === null) {
            throw new ActionError(`The goals file "${settings.path}" was deleted from "${branch}" during the run; nothing was committed.`);
        }
        const headText = onBranch ? await read(LEDGER_FILE) : null;
        const base = headText === null
            ? snapshot.ledger.ledger
            : parseLedger(headText, `${LEDGER_FILE} on "${branch}"`);
        // An issue that another run made a goal meanwhile is in the head's ledger: not added twice.
        const todo = edits.filter(e => !e.append || !base.issues.has(e.issue));
        const result = applyGoalEdits(current, todo, level);
        const added = result.applied.filter(a => a.edit.append).map(a => a.edit);
        appended = added.map(e => e.issue);
        for (const missing of result.missing) {
            options.warnings.push(`goal for issue #${missing.issue} is no longer in ${settings.path}; its change (${missing.why}) was not written`);
        }
        if (result.text !== current)
            files.set(settings.path, result.text);
        const doc = (0,parse/* parseGoals */.GU)(result.text, { categoryLevel: level });
        const blobs = [[settings.path, blobId(result.text)]];
        for (const { path, svg } of outputs_outputsOf(settings, doc, snapshot.siblings)) {
            // The output the action last wrote is this one, and this push did not change it: not stale.
            // Otherwise, when the commit happens anyway, it goes in unread: an identical one changes
            // nothing in the tree.
            if (snapshot.ledger.ledger.blobs.get(path) !== blobId(svg) || pushedTo(snapshot, path)) {
                if (files.size > 0 || (await read(path)) !== svg)
                    files.set(path, svg);
            }
            blobs.push([path, blobId(svg)]);
        }
        ledgerWritten = false;
        // A pull request is not on the branch yet: its issue-side changes are recorded once it is merged.
        if (!onBranch)
            return files;
        const all = [
            ...changes,
            ...editRecords(doc, [...todo.filter(e => !e.append), ...added], settings.path)
        ];
        // Several goals files: this one's rows, so runs that leave it alone can count it unread.
        const progress = snapshot.siblings
            ? [[settings.path, { blob: blobId(result.text), rows: (0,card_model.cardCategoriesOf)(doc) }]]
            : [];
        const next = withChanges(base, all, files.size > 0 ? blobs : [], options.milestones, progress) ??
            (headText === null && base.issues.size > 0 ? { ...base, seq: base.seq + 1 } : null);
        if (next) {
            files.set(LEDGER_FILE, serializeLedger(next));
            ledgerWritten = true;
        }
        return files;
    };
    const mayWrite = () => budget.take(commitCost(settings.commit) - (onBranch ? 0 : LEDGER_REF_COST), options.reserve + (onBranch ? 0 : LEDGER_REF_COST));
    const commit = onBranch
        ? await commitToBranch(client, at, {
            branch,
            message: settings.commitMessage,
            produce,
            mayWrite,
            ...(snapshot.head
                ? {
                    known: {
                        ...snapshot.head,
                        files: new Map([
                            [settings.path, snapshot.goals.text],
                            [LEDGER_FILE, snapshot.ledger.stored]
                        ])
                    }
                }
                : {})
        })
        : await commitAsPullRequest(client, at, {
            branch,
            message: settings.commitMessage,
            produce,
            mayWrite,
            prBranch: `goals-sync/${branch}`,
            title: 'Sync goals progress',
            body: `goals-sync could not push to \`${branch}\` directly, so here are the counters, badge, card and goal changes of the latest sync.`
        });
    if (commit.sha)
        options.log(`Committed ${commit.files.join(' and ')} as ${commit.sha}`);
    const landed = commit.sha !== null;
    return { commit, ledgerWritten: ledgerWritten && landed, appended: landed ? appended : [] };
}
/** What the ledger records for goals whose box or title the commit changed from their issue. */
function editRecords(doc, edits, path) {
    const records = [];
    for (const edit of edits) {
        const target = keyAfter(edit);
        const goal = doc.goals.find(g => goalKey(g.category, g.title, g.occurrence) === target);
        if (!goal)
            continue;
        records.push([
            edit.issue,
            {
                file: path,
                category: goal.category,
                title: goal.title,
                n: goal.occurrence,
                synced: goal.checked ? 'closed' : 'open',
                removed: false,
                retired: false
            }
        ]);
    }
    return records;
}
/** The key a goal has once an edit is applied to it. */
function keyAfter(edit) {
    if (edit.title === undefined)
        return edit.key;
    const [category, , n] = JSON.parse(edit.key);
    return goalKey(category, edit.title.replace(/[\r\n]+/g, ' ').trim(), n);
}
/** The ledger on its own ref, by compare-and-swap: when another run moved it first, merge again on top. */
async function commitLedgerRef(reader, snapshot, changes, budget, options) {
    const { reserve, milestones } = options;
    const { client, at } = reader;
    let base = snapshot.ledger.ledger;
    let parent = snapshot.ledger.refCommit;
    let stored = snapshot.ledger.stored;
    for (let attempt = 1; attempt <= 5; attempt++) {
        const next = withChanges(base, changes, [], milestones) ??
            (stored === null && base.issues.size > 0 ? { ...base, seq: base.seq + 1 } : null);
        if (!next)
            return true;
        if (!budget.take(LEDGER_REF_COST, reserve))
            throw new BudgetSpent('no write budget left for the ledger');
        if (await writeLedgerRef(client, at, serializeLedger(next), parent))
            return true;
        const now = await readLedgerRef(client, at);
        base = now ? parseLedger(now.text, 'on refs/goals-sync/ledger') : base;
        parent = now?.commit ?? null;
        stored = now?.text ?? null;
    }
    throw new ActionError('refs/goals-sync/ledger kept moving during the run (5 tries); run the workflow again.');
}

;// CONCATENATED MODULE: ./.build/sync/body.js
// The issue body: where the goal lives, in words and a link, and the marker.
// The action's part is rewritten when the goal moves; a person's text above it
// (an issue that became a goal) is kept as they wrote it. Goal text in it is inert Markdown (see
// text.ts), so it can neither hide HTML nor forge a second marker.


/** Above this a category name is shown cut in the body (its label is cut at 50 anyway). */
const MAX_SHOWN_CATEGORY = 256;
function issueBody(marker, context) {
    const where = marker.category === null
        ? 'before the first category'
        : `in **${inertMarkdown(shorten(marker.category, MAX_SHOWN_CATEGORY))}**`;
    const rest = [
        `Goal ${where} of [\`${inertMarkdown(marker.file)}\`](${context.fileUrl}).`,
        '',
        marker.removed
            ? '_This goal is no longer in the file. Put it back and this issue reopens._'
            : '_Kept in step by goals-sync: close this issue or tick the box in the file, and the other follows._',
        '',
        encodeMarker(marker)
    ].join('\n');
    const quote = quoteOf(marker.title);
    // The quote is the only part that grows with the goal; it gives way first.
    return quote && quote.length + rest.length <= MAX_BODY ? quote + rest : rest;
}
/** The full title when the issue title had to be cut, with a note when even the marker holds only its start. */
function quoteOf(title) {
    if (title.length <= MAX_TITLE)
        return null;
    const cut = title.length >= MAX_IDENTITY_TITLE - 1;
    return [
        `> ${inertMarkdown(identityTitle(title))}`,
        ...(cut ? ['>', '> _(The goal is longer than this; its full text is in the file.)_'] : []),
        '',
        ''
    ].join('\n');
}
/** Between a person's text and the action's part of a body; the action's part never holds it (its lines are single-line inert text). */
const BODY_SEPARATOR = '\n\n---\n\n';
/**
 * `ours` in place of the action's part of `current`, below the person's text
 * (what precedes the last separator). The marker stays the body's last. Past
 * GitHub's body limit, the action's part alone.
 */
function withTheirs(current, ours) {
    const cut = current.lastIndexOf(BODY_SEPARATOR);
    if (cut <= 0)
        return ours;
    const body = `${current.slice(0, cut)}${BODY_SEPARATOR}${ours}`;
    return body.length <= MAX_BODY ? body : ours;
}
function removalComment(path) {
    return `This goal was removed from \`${inertMarkdown(path)}\`, so this issue is closed as not planned. Put the goal back and the issue reopens.`;
}
function duplicateComment(keep) {
    return `This issue duplicates #${keep} for the same goal, so it is closed; #${keep} carries on.`;
}

;// CONCATENATED MODULE: ./.build/sync/issue-form.js
// Reading the answers of a GitHub issue form back out of the issue body. GitHub
// writes each field as a `### <label>` heading followed by the answer, and
// `_No response_` for a field left empty.
const NO_RESPONSE = '_No response_';
/** The answer under the form field labelled `label` (any case), or null when absent or empty. */
function formAnswer(body, label) {
    if (!body)
        return null;
    const lines = body.split(/\r\n|\r|\n/);
    const wanted = label.toLowerCase();
    const start = lines.findIndex(l => /^###[ \t]/.test(l) && l.slice(4).trim().toLowerCase() === wanted);
    if (start === -1)
        return null;
    const answer = [];
    for (const line of lines.slice(start + 1)) {
        if (/^###[ \t]/.test(line))
            break;
        answer.push(line);
    }
    const text = answer.join('\n').trim();
    return text === '' || text === NO_RESPONSE ? null : text;
}

;// CONCATENATED MODULE: ./.build/sync/goal-from-issue.js
// Whether an issue opened (or labelled) on GitHub becomes a goal, and where it
// goes. Pure: the caller supplies the sender's role and whether the ledger
// already holds the issue. Labels decide the category because only people with
// triage or the repository's own issue forms can set them; a form answer, which
// the issue's author types, may only pick a category the file already has.



/** The form field (`### Category` in the body) read when no label names a category. */
const FORM_CATEGORY_FIELD = 'Category';
const same = (a, b) => a.toLowerCase() === b.toLowerCase();
/** The cut-and-hash form of a long category's label: it cannot be turned back into a name. */
const SHORTENED_LABEL = /… [0-9a-f]{6}$/;
function decideGoalFromIssue(input) {
    const refusal = refusalOf(input);
    if (refusal)
        return ignore(input.issue, refusal);
    const { issue } = input;
    const title = issue.title.trim();
    const checked = issue.state === 'closed';
    const add = (category, from, note) => ({
        kind: 'add',
        category,
        newCategory: category !== null && !input.categories.includes(category),
        title,
        checked,
        from,
        note
    });
    const others = issue.labels.filter(l => !same(l, input.commonLabel));
    const named = input.categories.filter(c => others.some(l => same(l, categoryLabel(c))));
    if (named.length > 1) {
        return ignore(issue, `carries the labels of several categories (${named.join(', ')}); remove all but one, then remove and add the "${input.commonLabel}" label again`);
    }
    if (named.length === 1)
        return add(named[0], 'label', null);
    const answer = formAnswer(issue.body, FORM_CATEGORY_FIELD);
    const picked = answer === null
        ? undefined
        : input.categories.find(c => same(c, answer) || same(categoryLabel(c), answer));
    if (picked !== undefined)
        return add(picked, 'form', null);
    const formNote = answer === null
        ? null
        : `the form's category "${answer}" is not a category of the file, so it is not used`;
    if (others.length > 1) {
        return ignore(issue, `carries several labels that name no category (${others.join(', ')}); keep one to create that category, then remove and add the "${input.commonLabel}" label again`);
    }
    if (others.length === 1) {
        const label = others[0];
        const problem = SHORTENED_LABEL.test(label)
            ? 'it is a shortened label of a long category name'
            : categoryNameProblem(label, input.categoryLevel ?? 2);
        if (problem) {
            return ignore(issue, `has the label "${label}", which names no category and cannot become one (${problem}); rename the label or use an existing category's label`);
        }
        return add(label, 'label', formNote);
    }
    return add(null, 'none', formNote);
}
/** Why the issue is not a goal at all, or null. */
function refusalOf({ event, issue, sender, commonLabel, inLedger }) {
    if (issue.pullRequest)
        return 'is a pull request; only issues become goals';
    if (inLedger)
        return 'is already one of goals-sync’s issues';
    if (!issue.labels.some(l => same(l, commonLabel))) {
        return `does not carry the "${commonLabel}" label; only issues with it become goals`;
    }
    if (event.action === 'labeled' && !same(event.label, commonLabel)) {
        return `was labelled "${event.label}", not "${commonLabel}"; a goal is adopted when the "${commonLabel}" label is added`;
    }
    if (!sender.mayTriage) {
        return `was ${event.action} by ${sender.login}, whose role is "${sender.role}"; only triage or more adds goals. A maintainer can adopt it by removing and adding the "${commonLabel}" label`;
    }
    if (issue.author.toLowerCase().endsWith('[bot]')) {
        return `was opened by ${issue.author}, a tool; goals come from people's issues`;
    }
    // Any trace of a marker, even one too damaged to decode.
    if ((issue.body ?? '').includes('<!-- goals-sync ')) {
        return 'carries a goals-sync marker: it was made by goals-sync (perhaps for another goals file) or copied from such an issue';
    }
    if (emptyTitle(issue.title))
        return 'has an empty title';
    return null;
}
function emptyTitle(title) {
    try {
        inertTitle(title);
        return false;
    }
    catch (error) {
        if (error instanceof AppendError)
            return true;
        throw error;
    }
}
function ignore(issue, why) {
    return { kind: 'ignore', reason: `Issue #${issue.number} ${why}.` };
}

;// CONCATENATED MODULE: ./.build/run/new-goal.js










function decideNewGoal(snapshot, work, facts) {
    const none = (note) => ({ edits: [], note, adopt: null });
    const { plan } = snapshot;
    if (facts.refused)
        return none(facts.refused);
    const issue = facts.candidate;
    const entry = snapshot.ledger.ledger.issues.get(work.number);
    if (facts.inLedger && entry) {
        const already = `Issue #${work.number} is already one of goals-sync’s issues`;
        // Its goal was committed by a run cut short before the issue got its marker: only that is left.
        if (issue && decodeMarker(issue.body) === null) {
            return {
                edits: [],
                note: `${already}; its marker is added.`,
                adopt: adoption(issue, markerOf(entry), plan)
            };
        }
        return none(`${already}; ignored.`);
    }
    if (!issue)
        return none(`Issue #${work.number} could not be read (deleted or transferred); ignored.`);
    const level = plan.categoryLevel;
    const doc = (0,parse/* parseGoals */.GU)(snapshot.goals.text, { categoryLevel: level });
    const categories = [...new Set(doc.categories.map(c => c.name))];
    const decided = decideGoalFromIssue({
        event: work.action === 'labeled'
            ? { action: 'labeled', label: work.label ?? '' }
            : { action: 'opened' },
        issue: {
            number: issue.number,
            title: issue.title,
            state: issue.state,
            labels: issue.labels,
            author: issue.author ?? '',
            body: issue.body,
            pullRequest: false
        },
        sender: {
            login: work.sender,
            role: facts.role?.role ?? 'unknown',
            mayTriage: facts.role?.mayTriage ?? false
        },
        commonLabel: plan.label,
        categories,
        inLedger: false,
        categoryLevel: level
    });
    if (decided.kind === 'ignore')
        return none(`${decided.reason} Ignored.`);
    let added;
    try {
        added = appendGoal(snapshot.goals.text, {
            category: decided.category,
            title: decided.title,
            checked: decided.checked,
            categoryLevel: level
        });
    }
    catch (error) {
        if (!(error instanceof AppendError))
            throw error;
        return none(`Issue #${issue.number} cannot become a goal: ${error.message}. Ignored.`);
    }
    const grown = (0,parse/* parseGoals */.GU)(added.text, { categoryLevel: level });
    const index = grown.goals.findIndex(g => g.line === added.line);
    const goal = grown.goals[index];
    const marker = {
        file: plan.path,
        category: decided.category,
        title: added.title,
        n: goal.occurrence,
        synced: decided.checked ? 'closed' : 'open',
        removed: false
    };
    const where = decided.category === null ? 'before the first category' : `in "${decided.category}"`;
    const edit = {
        key: keyOfGoal(grown, index),
        issue: issue.number,
        marker,
        why: `issue ${work.action} by ${work.sender}`,
        append: { category: decided.category, title: decided.title, checked: decided.checked }
    };
    return {
        edits: [edit],
        note: [
            `Issue #${issue.number} becomes a goal ${where} of ${plan.path}${decided.newCategory ? ' (a new category)' : ''}${decided.checked ? ', ticked (the issue is closed)' : ''}.`,
            ...(decided.note ? [decided.note] : [])
        ].join(' '),
        adopt: adoption(issue, marker, plan)
    };
}
/** Labels and body a goal issue carries; null when it has them already. */
function adoption(issue, marker, plan) {
    const patch = {};
    const same = (a, b) => a.toLowerCase() === b.toLowerCase();
    const wanted = marker.category === null ? null : categoryLabel(marker.category);
    if (wanted !== null && !issue.labels.some(l => same(l, wanted)))
        patch.labels = [...issue.labels, wanted];
    // The person's text stays as they wrote it; the action's lines and marker follow it, so the
    // marker is the body's last (the only one read). A body that would grow past GitHub's limit
    // is left alone: the marker is a hint, the ledger is what counts.
    const ours = issueBody(marker, { fileUrl: plan.fileUrl });
    const theirs = issue.body.trimEnd();
    const body = theirs === '' ? ours : `${theirs}${BODY_SEPARATOR}${ours}`;
    if (body.length <= MAX_BODY)
        patch.body = body;
    if (Object.keys(patch).length === 0)
        return null;
    return { number: issue.number, title: issue.title, patch };
}
/** The adoption write, after the commit that put the goal and its ledger entry on the branch. */
async function adoptIssue(client, at, adopt, budget, reserve, applied, log) {
    if (!budget.take(1, reserve)) {
        return `issue #${adopt.number} did not get its goals-sync marker and labels: the write budget (max-writes: ${budget.limit}) is spent; it syncs as a goal all the same`;
    }
    try {
        await updateIssue(client, at, adopt.number, adopt.patch);
    }
    catch (error) {
        // The goal and its ledger entry are committed: the issue is a goal whatever happens here.
        return `issue #${adopt.number} did not get its goals-sync marker and labels (${messageOf(error)}); it syncs as a goal all the same`;
    }
    applied.updated.push(adopt.number);
    applied.touched.push({ number: adopt.number, what: 'marker and labels added' });
    log(`#${adopt.number} updated: became a goal`);
    return null;
}

;// CONCATENATED MODULE: ./.build/sync/milestones.js
// With `milestones: true`, each category has a milestone named after it and
// every goal's issue sits in its category's milestone, so GitHub's milestone
// page shows each category's progress. Pure: from the file's categories, the
// goal issues and the milestones that exist, the writes that make it so.
//
// Crash safety: every op is planned from what exists, so a rerun after any
// prefix repeats nothing. A milestone created just before a crash (its number
// never recorded) is recognised by its title and the description the action
// gives it; a rename already done is seen in the title; a close, planned last,
// is planned again only while still true.
const milestones_same = (a, b) => a.toLowerCase() === b.toLowerCase();
function planMilestones(input) {
    const byNumber = new Map(input.existing.map(m => [m.number, m]));
    // Records of milestones someone deleted are forgotten.
    const made = new Map(input.made.filter(r => byNumber.has(r.number)).map(r => [r.number, r.category]));
    const before = [];
    const refs = new Map();
    const used = new Set();
    for (const category of new Set(input.categories)) {
        const found = milestoneOf(category, input, made, used);
        if (!found) {
            before.push({
                kind: 'create-milestone',
                category,
                title: category,
                description: input.description(category)
            });
            refs.set(category, { title: category });
            continue;
        }
        const m = found.milestone;
        used.add(m.number);
        refs.set(category, { number: m.number });
        if (found.ours)
            made.set(m.number, category);
        const update = {};
        const why = [];
        if (found.renamedFrom !== null && m.title !== category) {
            update.title = category;
            update.description = input.description(category);
            why.push(`category "${found.renamedFrom}" renamed to "${category}"`);
        }
        if (found.ours && m.state === 'closed' && hasOpenGoal(category, input)) {
            update.state = 'open';
            why.push(`"${category}" has open goals again`);
        }
        if (why.length > 0) {
            before.push({
                kind: 'update-milestone',
                number: m.number,
                category,
                ...update,
                why: why.join('; ')
            });
        }
    }
    const sets = input.goals.flatMap(g => {
        const set = setFor(g, refs, made);
        return set ? [set] : [];
    });
    const after = [];
    for (const [number, category] of made) {
        const m = byNumber.get(number);
        if (used.has(number) || m.state === 'closed')
            continue;
        const leaving = input.goals.filter(g => g.milestone === number && g.openNow).length;
        if (m.openIssues - leaving > 0)
            continue;
        after.push({
            kind: 'update-milestone',
            number,
            category,
            state: 'closed',
            why: `category "${category}" is no longer in the file and has no open goals`
        });
    }
    return {
        before,
        sets,
        after,
        refs,
        made: [...made].map(([number, category]) => ({ number, category }))
    };
}
function setFor(g, refs, made) {
    const target = g.category === null ? null : (refs.get(g.category) ?? null);
    const base = { kind: 'set-milestone', issue: g.issue };
    if (target && 'title' in target) {
        return { ...base, milestone: target, why: `into "${g.category}", a new milestone` };
    }
    const wanted = target ? target.number : null;
    if (wanted === g.milestone)
        return null;
    if (wanted !== null)
        return { ...base, milestone: target, why: `into "${g.category}"` };
    // A goal without a category leaves only a milestone the action made.
    if (g.milestone === null || !made.has(g.milestone))
        return null;
    return { ...base, milestone: null, why: 'its goal has no category' };
}
function milestoneOf(category, input, made, used) {
    const byNumber = new Map(input.existing.map(m => [m.number, m]));
    const free = (n) => !used.has(n);
    for (const [number, c] of made) {
        if (c === category && free(number)) {
            return { milestone: byNumber.get(number), ours: true, renamedFrom: null };
        }
    }
    // Only a milestone the action made follows its category's new name.
    for (const { from, to } of input.renames ?? []) {
        if (to !== category || input.categories.includes(from))
            continue;
        for (const [number, c] of made) {
            if (c === from && free(number) && !titled(category, input, number)) {
                return {
                    milestone: byNumber.get(number),
                    ours: true,
                    renamedFrom: from
                };
            }
        }
    }
    const named = input.existing.find(m => milestones_same(m.title, category) && free(m.number));
    if (!named)
        return null;
    const ours = made.has(named.number) || named.description === input.description(category);
    return { milestone: named, ours, renamedFrom: null };
}
/** Another milestone already has this title: renaming onto it would fail. */
function titled(title, input, except) {
    return input.existing.some(m => m.number !== except && milestones_same(m.title, title));
}
function hasOpenGoal(category, input) {
    return (input.goals.some(g => g.category === category && g.openAfter) ||
        (input.creatingOpen ?? []).includes(category));
}
/**
 * Folds each milestone change into the issue update the plan already makes
 * for that issue (a moved goal changes label and milestone in one write); the
 * others stay separate writes.
 */
function mergeMilestoneSets(updates, sets) {
    const byIssue = new Map(sets.map(s => [s.issue, s]));
    const merged = updates.map((u) => {
        const set = byIssue.get(u.number);
        if (!set)
            return u;
        byIssue.delete(u.number);
        return { ...u, milestone: set.milestone };
    });
    return { updates: merged, sets: sets.filter(s => byIssue.has(s.issue)) };
}

;// CONCATENATED MODULE: ./.build/run/decide-milestones.js

/** The description the action gives a category's milestone; a lost creation is recognised by it. */
const milestoneDescription = (category, path) => `Goals under "${category}" in ${path}`;
function decideMilestones(snapshot, plan, ops) {
    const existing = snapshot.milestones;
    if (!existing)
        return null;
    const path = snapshot.plan.path;
    const listed = new Map(snapshot.side.listed.map(i => [i.number, i]));
    const updates = ops.filter((op) => op.kind === 'update-issue');
    const goals = snapshot.side.issues.map(issue => {
        const update = updates.find(u => u.number === issue.number && u.record);
        const record = update?.record ?? plan.records.get(issue.number) ?? issue.marker;
        const state = updates.reduce((s, u) => (u.number === issue.number ? (u.state ?? s) : s), issue.state);
        return {
            issue: issue.number,
            // A removed goal's issue leaves the action's milestone, so the counts stay the counters.
            category: record.removed ? null : record.category,
            milestone: listed.get(issue.number)?.milestone ?? null,
            openNow: issue.state === 'open',
            openAfter: state === 'open'
        };
    });
    const creates = ops.filter(op => op.kind === 'create-issue');
    const milestones = planMilestones({
        categories: plan.doc.categories.filter(c => c.total > 0).map(c => c.name),
        goals,
        creatingOpen: creates.flatMap(op => !op.close && op.record.category !== null ? [op.record.category] : []),
        existing,
        made: [...(snapshot.ledger.ledger.milestones ?? [])].map(([number, category]) => ({
            number,
            category
        })),
        renames: [...plan.renames].map(([from, to]) => ({ from, to })),
        description: category => milestoneDescription(category, path)
    });
    const merged = mergeMilestoneSets(updates, milestones.sets);
    let next = 0;
    const withMilestones = ops.map((op) => {
        if (op.kind === 'update-issue')
            return merged.updates[next++] ?? op;
        if (op.kind !== 'create-issue' || op.record.category === null)
            return op;
        const ref = milestones.refs.get(op.record.category);
        return ref ? { ...op, milestone: ref } : op;
    });
    // Moves with no other change to their issue: one write each, after the issue writes.
    const moves = merged.sets.map((s) => ({
        kind: 'update-issue',
        number: s.issue,
        why: `milestone: ${s.why}`,
        effect: 'updated',
        milestone: s.milestone
    }));
    return { ops: [...withMilestones, ...moves], milestones };
}

;// CONCATENATED MODULE: ./.build/sync/plan.js
// The sync plan: a pure function of the goals file (now, and before the push
// when there was one), the action's issues and the settings. It decides, goal by
// goal, which side wins and returns the writes in an order where every prefix is
// safe: a run stopped after any write leaves nothing a rerun would duplicate.






function splitText(text) {
    return splitLines(text).lines.map(l => l.text);
}
function labelOf(category) {
    return category ? categoryLabel(category) : null;
}
const plan_same = (a, b) => a.toLowerCase() === b.toLowerCase();
/** The issue's labels with the old category label swapped for the new one and the common one ensured. */
function wantedLabels(current, common, from, to) {
    const kept = current.filter(l => !(from && plan_same(l, from)) && !(to && plan_same(l, to)) && !plan_same(l, common));
    // GitHub treats label names without case, so a category named like the common label is one label.
    return [common, ...(to && !plan_same(to, common) ? [to] : []), ...kept];
}
function sameLabels(a, b) {
    if (a.length !== b.length)
        return false;
    const set = new Set(a.map(l => l.toLowerCase()));
    return b.every(l => set.has(l.toLowerCase()));
}
function sameMarker(a, b) {
    return (a.file === b.file &&
        a.category === b.category &&
        a.title === b.title &&
        a.n === b.n &&
        a.synced === b.synced &&
        a.removed === b.removed);
}
function planSync(input) {
    const { settings } = input;
    const doc = (0,parse/* parseGoals */.GU)(input.text, { categoryLevel: settings.categoryLevel });
    const lines = splitText(input.text);
    let before = null;
    if (input.before !== undefined) {
        const text = input.before ?? '';
        before = {
            doc: (0,parse/* parseGoals */.GU)(text, { categoryLevel: settings.categoryLevel }),
            lines: splitText(text)
        };
    }
    const match = matchGoals(doc, lines, input.issues, before);
    const warnings = doc.warnings.map(w => `${settings.path}:${w.line}: ${w.message}`);
    const context = { fileUrl: settings.fileUrl };
    const body = (m) => issueBody(m, context);
    const known = new Set();
    for (const issue of input.issues)
        for (const l of issue.labels)
            known.add(l.toLowerCase());
    const needed = [];
    const need = (name) => {
        if (name && !known.has(name.toLowerCase()) && !needed.some(n => plan_same(n, name)))
            needed.push(name);
    };
    const renames = categoryRenames(doc, match.issueOf);
    const labelOps = [];
    for (const [from, to] of renames) {
        const fromLabel = labelOf(from);
        const toLabel = labelOf(to);
        if (fromLabel && toLabel && !plan_same(fromLabel, toLabel)) {
            labelOps.push({
                kind: 'rename-label',
                from: fromLabel,
                to: toLabel,
                ifDescription: settings.labelStyle(from).description,
                ...settings.labelStyle(to)
            });
            known.add(toLabel.toLowerCase());
        }
    }
    const updates = [];
    const creates = [];
    const edits = [];
    const records = new Map();
    doc.goals.forEach((g, a) => {
        const issue = match.issueOf[a];
        const key = keyOfGoal(doc, a);
        const catLabel = labelOf(g.category);
        if (!issue) {
            need(settings.label);
            need(catLabel);
            const marker = {
                file: settings.path,
                category: g.category,
                title: identityTitle(g.title),
                n: g.occurrence,
                synced: 'open',
                removed: false
            };
            const created = settings.nonce !== undefined ? { ...marker, nonce: settings.nonce } : marker;
            creates.push({
                kind: 'create-issue',
                goal: key,
                line: g.line + 1,
                title: issueTitle(g.title),
                body: body(created),
                record: entryOf(marker),
                labels: wantedLabels([], settings.label, null, catLabel),
                assignees: settings.assignees,
                close: g.checked ? { body: body({ ...created, synced: 'closed' }) } : null
            });
            return;
        }
        const m = issue.marker;
        const next = { ...m, file: settings.path, category: g.category, removed: false };
        const patch = {
            kind: 'update-issue',
            number: issue.number,
            why: '',
            effect: 'updated'
        };
        const why = [];
        // Box: which side wins.
        const fileClosed = g.checked;
        const issueClosed = issue.state === 'closed';
        const b = match.beforeGoal[a];
        // Only a box this push visibly flipped overrides the other side; a moved or re-worded goal is settled like any other.
        const changedInPush = before !== null && b !== null && b !== undefined && before.doc.goals[b].checked !== g.checked;
        let boxWinner = null;
        if (m.removed)
            boxWinner = 'file';
        else if (fileClosed !== issueClosed) {
            if (changedInPush || settings.conflict === 'file')
                boxWinner = 'file';
            else if (settings.conflict === 'issues')
                boxWinner = 'issue';
            else
                boxWinner = (fileClosed ? 'closed' : 'open') !== m.synced ? 'file' : 'issue';
        }
        if (boxWinner === 'file') {
            next.synced = fileClosed ? 'closed' : 'open';
            if (fileClosed !== issueClosed || (m.removed && issue.stateReason === 'not_planned')) {
                if (fileClosed) {
                    patch.state = 'closed';
                    patch.stateReason = 'completed';
                    patch.effect = 'closed';
                    why.push(m.removed ? 'goal is back, ticked' : 'ticked in the file');
                }
                else {
                    patch.state = 'open';
                    patch.effect = 'reopened';
                    why.push(m.removed ? 'goal is back in the file' : 'unticked in the file');
                }
            }
            else {
                // The file wins with both sides agreeing only for a goal that is back.
                why.push('goal is back in the file');
            }
        }
        else if (boxWinner === 'issue') {
            edits.push({
                key,
                issue: issue.number,
                marker: m,
                checked: issueClosed,
                why: issueClosed ? 'issue closed' : 'issue reopened'
            });
        }
        else {
            next.synced = fileClosed ? 'closed' : 'open';
        }
        // Title: the file's text unless only the issue's title changed since the last sync.
        const fileRetitled = identityTitle(g.title) !== m.title;
        const issueRetitled = issue.title !== issueTitle(m.title);
        const issueWinsTitle = settings.syncTitles &&
            issueRetitled &&
            settings.conflict !== 'file' &&
            (!fileRetitled || settings.conflict === 'issues');
        if (issueWinsTitle) {
            if (issue.title.trim() !== '' && issue.title !== g.title) {
                edits.push({
                    key,
                    issue: issue.number,
                    marker: m,
                    title: issue.title,
                    why: 'issue retitled'
                });
            }
        }
        else {
            next.title = identityTitle(g.title);
            next.n = g.occurrence;
            if (issue.title !== issueTitle(g.title)) {
                patch.title = issueTitle(g.title);
                why.push('goal text edited');
            }
        }
        // Category: swap the category label.
        const fromLabel = labelOf(m.category);
        const labels = wantedLabels(issue.labels, settings.label, fromLabel, catLabel);
        if (!sameLabels(labels, issue.labels)) {
            patch.labels = labels;
            if (m.category !== null && renames.get(m.category) === g.category)
                patch.labelsNow = [...issue.labels];
            need(catLabel);
            if (m.category !== g.category)
                why.push(`moved to ${g.category === null ? 'no category' : `"${g.category}"`}`);
            else
                why.push('labels restored');
        }
        // The ledger records the synced state; the body (a hint for people) is only rewritten along
        // with a write that happens anyway, so recording a sync costs no issue write.
        const changed = !sameMarker(next, m);
        if (patch.title !== undefined || patch.labels || patch.state) {
            if (changed) {
                patch.body = withTheirs(issue.body, body(next));
                patch.record = entryOf(next);
            }
            patch.why = why.join(', ');
            updates.push(patch);
        }
        else if (changed) {
            records.set(issue.number, entryOf(next));
        }
    });
    const removals = [];
    for (const issue of match.orphans) {
        if (issue.marker.removed)
            continue;
        const marker = { ...issue.marker, removed: true };
        if (issue.state === 'open') {
            removals.push({
                kind: 'update-issue',
                number: issue.number,
                why: 'goal removed from the file',
                effect: 'closed',
                state: 'closed',
                stateReason: 'not_planned',
                body: withTheirs(issue.body, body(marker)),
                record: entryOf(marker),
                comment: removalComment(settings.path)
            });
        }
        else {
            // Closed already: only the ledger needs to know, so that the goal's return reopens it.
            records.set(issue.number, entryOf(marker));
        }
    }
    for (const dup of match.duplicates) {
        if (dup.marker.removed)
            continue;
        const keep = match.issueOf.find(i => i &&
            i.marker.title === dup.marker.title &&
            i.marker.category === dup.marker.category &&
            i.marker.n === dup.marker.n);
        const marker = { ...dup.marker, removed: true };
        // Retired: it stays in the ledger so that it is never mistaken for anyone's, but drives nothing.
        if (dup.state === 'closed') {
            records.set(dup.number, entryOf(marker, true));
            continue;
        }
        removals.push({
            kind: 'update-issue',
            number: dup.number,
            why: 'duplicate issue for one goal',
            effect: 'closed',
            state: 'closed',
            stateReason: 'not_planned',
            body: withTheirs(dup.body, body(marker)),
            record: entryOf(marker, true),
            ...(keep ? { comment: duplicateComment(keep.number) } : {})
        });
    }
    for (const name of needed) {
        const isCommon = plan_same(name, settings.label);
        const category = isCommon
            ? null
            : (doc.categories.find(c => plan_same(labelOf(c.name) ?? '', name))?.name ?? name);
        labelOps.push({ kind: 'create-label', name, ...settings.labelStyle(category) });
    }
    // Labels first (issues need them), then existing issues, removals, and new issues last.
    return {
        doc,
        ops: [...labelOps, ...updates, ...removals, ...creates],
        edits,
        records,
        renames,
        warnings
    };
}
/** A category renamed as a whole: every goal that was in `from` is now in `to`, and nothing else uses either. */
function categoryRenames(doc, issueOf) {
    const moves = new Map();
    doc.goals.forEach((g, a) => {
        const from = issueOf[a]?.marker.category;
        // A goal that stayed keeps `from` in the file, which rules the rename out below.
        if (from === null || from === undefined || from === g.category)
            return;
        const set = moves.get(from) ?? new Set();
        set.add(g.category);
        moves.set(from, set);
    });
    const inFile = new Set(doc.goals.map(g => g.category));
    const alreadyTracked = new Set(issueOf.flatMap(i => (i && i.marker.category !== null ? [i.marker.category] : [])));
    const renames = new Map();
    for (const [from, targets] of moves) {
        if (targets.size !== 1 || inFile.has(from))
            continue;
        const to = [...targets][0];
        if (to === null ||
            to === undefined ||
            alreadyTracked.has(to) ||
            [...renames.values()].includes(to))
            continue;
        renames.set(from, to);
    }
    return renames;
}

;// CONCATENATED MODULE: ./.build/run/decide.js
// The decide stage: from a snapshot to the issue writes and file edits a run
// makes. Pure: it reads nothing, so the same snapshot always decides the same.







/** Decides the run; labels that exist already (when they were read) are not created again. */
function decide(snapshot, existingLabels = null) {
    const { work, side, plan, goals } = snapshot;
    const result = planSync({
        text: goals.text,
        ...(side.before !== undefined ? { before: side.before } : {}),
        issues: side.issues,
        settings: plan
    });
    if (work.kind === 'issue') {
        const opened = work.action === 'opened' || work.action === 'labeled';
        const { edits, note, adopt } = opened
            ? decideNewGoal(snapshot, work, snapshot.event)
            : { ...decideIssueEvent(snapshot, work, snapshot.event), adopt: null };
        // Every run that lists the issues also settles the others that changed since the last sync
        // (GitHub's concurrency group may have cancelled their runs); the file side waits for a push
        // or a full run, which may need the lock.
        const others = result.edits.filter(e => e.issue !== work.number);
        return {
            ops: [],
            held: null,
            edits: [...edits, ...others],
            records: result.records,
            warnings: snapshot.warnings,
            notes: [note],
            adopt
        };
    }
    const labelled = existingLabels
        ? result.ops.filter(op => op.kind !== 'create-label' || !existingLabels.has(op.name.toLowerCase()))
        : result.ops;
    const placed = decideMilestones(snapshot, result, labelled);
    const { ops, held } = withinHourlyLimit(placed?.ops ?? labelled, snapshot);
    return {
        ops,
        held,
        edits: result.edits,
        records: result.records,
        ...(placed ? { milestones: placed.milestones } : {}),
        warnings: [...snapshot.warnings, ...result.warnings],
        notes: []
    };
}
/** GitHub's limit on content created per hour (issues, comments) for one token. */
const CREATIONS_PER_HOUR = 500;
const HOUR = 60 * 60_000;
/**
 * A run starts no more issue creations than GitHub's hourly limit leaves after
 * the action's own issues created in the hour before it read them (their
 * creation times are in the listing). Creations come last in a plan, so the
 * ones held back are its tail.
 */
function withinHourlyLimit(ops, snapshot) {
    const now = snapshot.readAt;
    const recent = snapshot.side.listed
        .filter(i => snapshot.ledger.ledger.issues.has(i.number))
        .map(i => Date.parse(i.createdAt))
        .filter(t => now - t < HOUR)
        .sort((a, b) => a - b);
    let left = Math.max(0, CREATIONS_PER_HOUR - recent.length);
    const kept = [];
    let count = 0;
    for (const op of ops) {
        if (op.kind === 'create-issue' && left-- <= 0)
            count++;
        else
            kept.push(op);
    }
    if (count === 0)
        return { ops, held: null };
    // The earliest moment enough of the last hour's creations have aged out for all the rest.
    const freeing = recent[Math.min(recent.length - 1, Math.max(0, count - 1))] ?? now;
    return { ops: kept, held: { count, until: new Date(freeing + HOUR).toISOString() } };
}
/** An issues event (closed, reopened, edited) as edits of the goals file: only the exact goal its issue names. */
function decideIssueEvent(snapshot, work, facts) {
    const path = snapshot.plan.path;
    const none = (note) => ({ edits: [], note });
    if (!facts.tracked) {
        if (snapshot.ledger.ledger.issues.get(work.number)?.retired) {
            return none(`Issue #${work.number} was closed by goals-sync as a duplicate of another issue for its goal; it no longer drives the file.`);
        }
        return none(`Issue #${work.number} was not created by goals-sync for ${path} (it is not in the ledger); ignored.`);
    }
    const role = facts.role;
    if (!role.mayTriage) {
        return none(`Issue #${work.number} was ${work.action} by ${work.sender}, whose role is "${role.role}"; only triage or more changes the goals file. Ignored.`);
    }
    if (work.action === 'edited' && (!work.titleChanged || !snapshot.plan.syncTitles)) {
        return none(`Issue #${work.number} was edited, but ${snapshot.plan.syncTitles ? 'not its title' : 'sync-titles is off'}; nothing to do.`);
    }
    const issue = facts.tracked;
    const m = issue.marker;
    if (m.removed) {
        return none(`Issue #${work.number} was closed by goals-sync because its goal left the file; it no longer drives the file.`);
    }
    const doc = (0,parse/* parseGoals */.GU)(snapshot.goals.text, { categoryLevel: snapshot.config.headingLevel });
    // Only the exact goal: a guess could move another goal's box (the next full run pairs edited goals).
    const index = doc.goals.findIndex((_, i) => keyOfGoal(doc, i) === goalKey(m.category, m.title, m.n));
    if (index === -1) {
        return none(`The goal of issue #${work.number} ("${m.title}") is not in ${path}; a scheduled or manual run will settle it.`);
    }
    const goal = doc.goals[index];
    const key = keyOfGoal(doc, index);
    if (work.action === 'edited') {
        if (issue.title === issueTitle(goal.title) || issue.title.trim() === '') {
            return none(`Issue #${work.number}'s title already matches its goal.`);
        }
        return {
            edits: [
                {
                    key,
                    issue: issue.number,
                    marker: m,
                    title: issue.title,
                    why: `issue retitled by ${work.sender}`
                }
            ],
            note: `Goal retitled from issue #${work.number}.`
        };
    }
    const closed = issue.state === 'closed';
    if (goal.checked === closed) {
        return none(`Issue #${work.number} is ${closed ? 'closed and its goal ticked' : 'open and its goal unticked'} already.`);
    }
    return {
        edits: [
            {
                key,
                issue: issue.number,
                marker: m,
                checked: closed,
                why: `issue ${closed ? 'closed' : 'reopened'} by ${work.sender}`
            }
        ],
        note: `Issue #${work.number} is ${closed ? 'closed: goal ticked' : 'open: goal unticked'}.`
    };
}

;// CONCATENATED MODULE: ./.build/github/lock.js

const LOCK_REF = 'goals-sync/lock';
const lock_sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
const lockMessage = (until, pending) => `goals-sync lock held until ${until.toISOString()}\n\npending: ${[...pending].join(' ')}`;
/** The lock's commit, until when its holder needs it (0: unreadable) and its pending nonces, or null when it is free. */
async function current(client, at) {
    try {
        const { data: ref } = await client.rest.git.getRef({ ...at, ref: LOCK_REF });
        const { data: commit } = await client.rest.git.getCommit({ ...at, commit_sha: ref.object.sha });
        const m = /goals-sync lock held until (\S+)/.exec(commit.message);
        const pending = /^pending: (.*)$/m.exec(commit.message)?.[1]?.split(' ') ?? [];
        return {
            sha: ref.object.sha,
            until: m ? Date.parse(m[1]) || 0 : 0,
            pending: pending.filter(n => /^[0-9a-f]{8,64}$/.test(n))
        };
    }
    catch (error) {
        if (statusOf(error) === 404)
            return null;
        throw error;
    }
}
async function acquireLock(client, at, options) {
    const pollMs = options.pollMs ?? 2_000;
    const deadline = Date.now() + (options.maxWaitMs ?? 2 * 60_000);
    const spend = options.spend ?? (() => { });
    try {
        const until = new Date(Date.now() + options.holdMs);
        const pending = new Set([options.nonce]);
        // A tree of its own, so that taking the lock reads nothing.
        const { data: tree } = await client.rest.git.createTree({
            ...at,
            tree: [{ path: 'lock', mode: '100644', type: 'blob', content: 'goals-sync lock\n' }]
        });
        const lockCommit = async () => (await client.rest.git.createCommit({
            ...at,
            message: lockMessage(until, pending),
            tree: tree.sha,
            parents: []
        })).data.sha;
        let mine = await lockCommit();
        const held = {
            pending,
            // Only our own lock is deleted: a run that outlived its time must not free its successor's.
            release: async () => {
                // Before its time nobody may take the lock over, so it is still ours: no need to look.
                const now = Date.now() < until.getTime()
                    ? mine
                    : await client.rest.git.getRef({ ...at, ref: LOCK_REF }).then(({ data }) => data.object.sha, () => null);
                if (now === mine)
                    await client.rest.git.deleteRef({ ...at, ref: LOCK_REF }).catch(() => { });
            },
            // Best effort: if this fails too, the lock still lists the nonce and expires at its time.
            leave: async () => {
                const now = await current(client, at).catch(() => null);
                if (now?.sha !== mine)
                    return;
                // A child of our lock commit, so the ref moves by fast-forward: a successor's lock is never overwritten.
                await client.rest.git
                    .createCommit({
                    ...at,
                    message: lockMessage(new Date(0), pending),
                    tree: tree.sha,
                    parents: [mine]
                })
                    .then(({ data: left }) => client.rest.git.updateRef({ ...at, ref: LOCK_REF, sha: left.sha, force: false }))
                    .catch(() => { });
            }
        };
        const create = async () => {
            try {
                await client.rest.git.createRef({ ...at, ref: `refs/${LOCK_REF}`, sha: mine });
                return true;
            }
            catch (error) {
                if (statusOf(error) !== 422)
                    throw error;
                return false;
            }
        };
        if (await create())
            return held;
        let refused = 0;
        for (;;) {
            if (Date.now() > deadline) {
                throw new Error(`another run still holds refs/${LOCK_REF} (or it cannot be taken over)`);
            }
            const now = await current(client, at);
            // Ours already: the answer to the create was lost, not the create.
            if (now?.sha === mine)
                return held;
            if (now === null) {
                // 422 with no lock there, again and again: the server will not make this ref at all.
                if (++refused >= 3)
                    throw new Error(`the server refused to create refs/${LOCK_REF}`);
                spend();
                if (await create())
                    return held;
                continue;
            }
            if (Date.now() > now.until) {
                options.log?.(`Taking over a goals-sync lock that expired at ${new Date(now.until).toISOString()} (its run ended without releasing it).`);
                spend();
                await client.rest.git.deleteRef({ ...at, ref: LOCK_REF }).catch(() => { });
                if (now.pending.some(n => !pending.has(n))) {
                    // The dead run may have created issues its ledger never recorded: they stay pending in ours.
                    for (const n of now.pending)
                        pending.add(n);
                    spend();
                    mine = await lockCommit();
                }
                spend();
                if (await create())
                    return held;
                await lock_sleep(pollMs);
                continue;
            }
            options.log?.(`Another goals-sync run is syncing this repository (until ${new Date(now.until).toISOString()} at the latest); waiting.`);
            // Polling reads only; the lock is created again once it is free or dead.
            await lock_sleep(pollMs);
        }
    }
    catch (error) {
        throw explainAccess(error, 'take the goals-sync lock', 'contents: write');
    }
}

;// CONCATENATED MODULE: ./.build/sync/ops.js
function writesOf(op) {
    if (op.kind === 'create-issue')
        return op.close ? 2 : 1;
    if (op.kind === 'update-issue')
        return op.comment ? 2 : 1;
    return 1;
}

;// CONCATENATED MODULE: ./.build/run/guard.js
// The lock stage: before writes that a second run would repeat (a new issue, a
// comment), a run takes the repository-wide lock. Closing, reopening or
// relabelling twice changes nothing, so those need none.





const DEFAULT_LOCK_TIMING = {
    perWriteMs: 4_000,
    spareMs: 5 * 60_000,
    maxWaitMs: 2 * 60_000
};
const LOCK_TAKE = 3;
const LOCK_RELEASE = 1;
const needsLock = (ops) => ops.some(op => op.kind === 'create-issue' || (op.kind === 'update-issue' && op.comment !== undefined));
async function guardRun(reader, branch, ops, budget, options) {
    if (budget.left() < LOCK_TAKE + LOCK_RELEASE + commitCost(reader.settings.commit) + 1) {
        return {
            kind: 'too-small',
            reason: `the write budget (max-writes: ${budget.limit}) is too small for the lock and the commit`
        };
    }
    const timing = options.timing ?? DEFAULT_LOCK_TIMING;
    // Long enough for the planned writes at GitHub's pace (issue creation ≥ 3 s apart), plus the commit.
    const writes = Math.min(reader.settings.maxWrites, ops.reduce((n, op) => n + writesOf(op), 0));
    let lock = null;
    try {
        budget.take(LOCK_TAKE);
        lock = await acquireLock(reader.client, reader.at, {
            nonce: reader.nonce,
            holdMs: writes * timing.perWriteMs + timing.spareMs,
            pollMs: options.pollMs,
            maxWaitMs: timing.maxWaitMs,
            spend: () => budget.force(1),
            log: options.log
        });
    }
    catch (error) {
        // The lock guards against rare overlaps; a server without it must not stop the sync.
        if (isRateLimit(error))
            throw error;
        options.warn(`Could not take the goals-sync lock (${messageOf(error)}); going on without it.`);
    }
    // Read once the lock is held: whatever the runs before it committed is there.
    return { kind: 'locked', lock, head: await readHead(reader.client, reader.at, branch) };
}
/**
 * Releases the lock, unless issues were created that the stored ledger does
 * not hold yet: then the lock is left for the next run to take over at once,
 * with this run's nonce pending, so that run adopts them instead of creating twins.
 */
async function releaseLock(lock, budget, unrecorded) {
    if (!lock)
        return;
    if (unrecorded) {
        budget.force(2);
        await lock.leave();
        return;
    }
    budget.take(LOCK_RELEASE);
    await lock.release();
}

;// CONCATENATED MODULE: ./.build/run/event.js
// What a run has to do, decided from the event alone (no requests).
const HANDLED = ['closed', 'reopened', 'edited', 'opened', 'labeled'];
const handled = (action) => HANDLED.includes(action);
const ZERO_SHA = /^0+$/;
/** `commonLabel`: a labeled event for any other label is skipped before any read. */
function classifyEvent(eventName, payload, branch, commonLabel) {
    switch (eventName) {
        case 'push': {
            if (payload.ref !== `refs/heads/${branch}`) {
                return {
                    kind: 'skip',
                    reason: `push to ${payload.ref ?? 'an unknown ref'} is not to the branch "${branch}"; nothing to sync`
                };
            }
            if (payload.deleted)
                return { kind: 'skip', reason: `the push deleted ${payload.ref}; nothing to sync` };
            const before = payload.before && !ZERO_SHA.test(payload.before) ? payload.before : null;
            return {
                kind: 'push',
                before,
                after: payload.after ?? `refs/heads/${branch}`,
                changed: changedPaths(payload)
            };
        }
        case 'issues': {
            const action = payload.action;
            const number = payload.issue?.number;
            if (payload.issue?.pull_request)
                return { kind: 'skip', reason: 'the event is about a pull request, not an issue' };
            if (!handled(action)) {
                return {
                    kind: 'skip',
                    reason: `issues "${action ?? 'unknown'}" events are not handled (only ${HANDLED.join(', ')})`
                };
            }
            if (typeof number !== 'number')
                return { kind: 'skip', reason: 'the issues event has no issue number' };
            const label = payload.label?.name;
            if (action === 'labeled' &&
                commonLabel !== undefined &&
                label?.toLowerCase() !== commonLabel.toLowerCase()) {
                return {
                    kind: 'skip',
                    reason: `issue #${number} was labelled "${label ?? ''}", not "${commonLabel}"; only adding "${commonLabel}" makes an issue a goal`
                };
            }
            return {
                kind: 'issue',
                action,
                number,
                sender: payload.sender?.login ?? '',
                titleChanged: payload.changes?.title !== undefined,
                ...(label !== undefined ? { label } : {})
            };
        }
        case 'schedule':
        case 'workflow_dispatch':
            return { kind: 'reconcile' };
        default:
            return {
                kind: 'skip',
                reason: `the "${eventName}" event is not handled; goals-sync runs on push, issues (${HANDLED.join(', ')}), schedule and workflow_dispatch`
            };
    }
}
/** The paths a push event lists as changed, or null when it does not list them all. */
function changedPaths(payload) {
    const commits = payload.commits;
    const size = typeof payload.size === 'number' ? payload.size : commits?.length;
    if (!Array.isArray(commits) || commits.length === 0 || payload.forced === true)
        return null;
    // GitHub lists at most 20 commits; the rest of a larger push is not in the event.
    if (size !== undefined && size > commits.length)
        return null;
    const changed = [];
    for (const c of commits) {
        for (const list of [c.added, c.modified, c.removed]) {
            if (!Array.isArray(list))
                return null;
            for (const p of list)
                if (typeof p === 'string')
                    changed.push(p);
        }
    }
    return changed;
}

;// CONCATENATED MODULE: ./.build/run/label-style.js
// Colours and descriptions of the labels the action creates: from the settings
// file when it names them, otherwise a stable colour per category.


/** Calm, readable label colours; a category keeps its colour across runs and repositories. */
const PALETTE = [
    '1d76db',
    '5319e7',
    'd93f0b',
    '0e8a16',
    'fbca04',
    'b60205',
    '006b75',
    'c5def5',
    'bfd4f2',
    'f9d0c4'
];
function labelStyles(config, path) {
    return category => {
        if (category === null) {
            return {
                color: config.label.color ?? '0e8a16',
                description: shorten(config.label.description ?? `A goal from ${path}, kept in step by goals-sync`, MAX_LABEL_DESCRIPTION)
            };
        }
        const own = config.categories.get(category) ?? {};
        const hash = (0,external_node_crypto_.createHash)('sha256').update(category).digest();
        return {
            color: own.color ?? PALETTE[hash[0] % PALETTE.length],
            description: shorten(own.description ?? `Goals under "${category}" in ${path}`, MAX_LABEL_DESCRIPTION)
        };
    };
}

;// CONCATENATED MODULE: ./.build/github/identity.js
const WORKFLOW_BOT = 'github-actions[bot]';
class Identity {
    self = null;
    client;
    configured;
    constructor(client, configured) {
        this.client = client;
        this.configured = configured;
    }
    async owns(login) {
        if (!login)
            return false;
        const l = login.toLowerCase();
        if (l === WORKFLOW_BOT || l === this.configured?.toLowerCase())
            return true;
        const self = await this.whoAmI();
        return self !== null && self.toLowerCase() === l;
    }
    /** The token's own login, asked once; null for tokens that cannot say (installation tokens). */
    whoAmI() {
        this.self ??= this.client.rest.users.getAuthenticated().then(({ data }) => data.login, () => null);
        return this.self;
    }
    /** Logins the action's issues may have been opened by, as far as they can be named. */
    async creators() {
        const self = await this.whoAmI();
        return [...new Set([WORKFLOW_BOT, this.configured, self].filter((l) => !!l))];
    }
}

;// CONCATENATED MODULE: ./.build/sync/ownership.js


/** The action's issues for this file, each with the ledger's record as its marker. */
function trackedIssues(listed, ledger, path) {
    const tracked = [];
    for (const issue of listed) {
        const entry = ledger.issues.get(issue.number);
        if (!entry || entry.retired || entry.file !== path)
            continue;
        tracked.push({
            number: issue.number,
            title: issue.title,
            state: issue.state,
            stateReason: issue.stateReason,
            labels: issue.labels,
            body: issue.body,
            marker: markerOf(entry),
            htmlUrl: issue.htmlUrl,
            updatedAt: issue.updatedAt
        });
    }
    return tracked;
}
/**
 * Issues outside the ledger whose body carries a valid marker for this file:
 * candidates to rebuild a missing ledger from, or to adopt. Whether their
 * author is the action is for the caller to check.
 */
function markedIssues(listed, ledger, path) {
    const found = [];
    for (const issue of listed) {
        if (ledger.issues.has(issue.number))
            continue;
        const marker = decodeMarker(issue.body);
        if (!marker || marker.file !== path)
            continue;
        found.push({
            issue,
            entry: entryOf({ ...marker, nonce: undefined }),
            nonce: marker.nonce ?? null
        });
    }
    return found;
}
/**
 * Of the marked issues, those a creating run left behind before its ledger
 * landed: the marker's nonce is one the lock recorded, and its goal is in the
 * file with no issue in the ledger.
 */
function adoptable(marked, nonces, goalKeys, tracked) {
    const held = new Set(tracked.map(i => goalKey(i.marker.category, i.marker.title, i.marker.n)));
    return marked.filter(m => {
        const key = goalKey(m.entry.category, m.entry.title, m.entry.n);
        return m.nonce !== null && nonces.has(m.nonce) && goalKeys.has(key) && !held.has(key);
    });
}

;// CONCATENATED MODULE: ./.build/run/read.js
// The read stage: everything a run decides from, read once. What the decision
// may additionally need (the action's issues that lost their label, the push's
// before-version, the existing labels) is read only when a first look at the
// plan shows it matters, so a run with nothing to do stays within its read bound.














async function readSnapshot(settings, client, eventName, payload, nonce, now = Date.now, moves) {
    const at = { owner: settings.owner, repo: settings.repo };
    const repository = payload.repository;
    const branch = settings.branch ?? repository?.default_branch ?? (await defaultBranch(client, at));
    const work = classifyEvent(eventName, payload, branch, settings.label);
    if (work.kind === 'skip')
        return { kind: 'skip', branch, reason: work.reason };
    // An issue event nearly always commits: knowing the head it read at, the commit reads nothing more.
    // Other runs read at the branch and learn the head only if they take the lock.
    const head = work.kind === 'issue' ? await readHead(client, at, branch) : null;
    const ref = head?.sha ?? branch;
    const configFile = await readFile(client, at, settings.config, ref);
    const config = configFile ? parseConfig(configFile.text, settings.config) : DEFAULT_CONFIG;
    const goals = await readGoals(client, at, settings.path, branch, ref);
    const identity = new Identity(client, config.botLogin);
    const reader = { settings, client, at, identity, nonce, ...(moves ? { moves } : {}) };
    const plan = planSettingsOf(settings, config, at, branch, nonce);
    const warnings = [];
    const ledger = await readLedger(reader, branch, ref, null);
    const side = await readIssueSide(reader, branch, plan, goals.text, work, ledger, null, warnings);
    const event = work.kind === 'issue' ? await readIssueFacts(reader, work, ledger, side) : null;
    // An issues event only edits the file: the milestones follow at the next full run.
    const milestones = settings.milestones && work.kind !== 'issue' ? await listMilestones(client, at) : undefined;
    return {
        kind: 'run',
        reader,
        snapshot: {
            branch,
            readAt: now(),
            head,
            work,
            config,
            plan,
            goals,
            ledger,
            side,
            event,
            ...(milestones ? { milestones } : {}),
            warnings
        }
    };
}
/**
 * The repository's labels, lower-cased (GitHub compares them without case): a
 * label may exist without any goal issue carrying it yet (a run cut short), and
 * this one read saves its write.
 */
const readLabels = (reader) => labelNames(reader.client, reader.at);
/**
 * After taking the lock, at the head read for it: another run may have
 * committed meanwhile, so the goals file and the ledger are read again there;
 * only if either changed, or the lock lists other runs' pending nonces (issues
 * to adopt), are the issues listed again.
 */
async function rereadSnapshot(reader, snapshot, pending, head) {
    const { client, at, settings } = reader;
    const goals = await readGoals(client, at, settings.path, snapshot.branch, head.sha);
    const ledger = await readLedger(reader, snapshot.branch, head.sha, snapshot.ledger);
    const foreign = [...pending].some(n => n !== reader.nonce);
    if (goals.sha === snapshot.goals.sha && ledger.stored === snapshot.ledger.stored && !foreign)
        return { ...snapshot, head };
    const warnings = [];
    const side = await readIssueSide(reader, snapshot.branch, snapshot.plan, goals.text, snapshot.work, ledger, pending, warnings);
    return { ...snapshot, head, goals, ledger, side, warnings };
}
/**
 * The ledger where this run keeps it, else where a run in another commit mode
 * left it (read once per run: `earlier` is this run's first read), else empty.
 */
async function readLedger(reader, branch, ref, earlier) {
    const [mine] = ledgerCopies(reader, branch, ref);
    const own = await mine();
    if (own)
        return moved(reader, {
            ledger: own.ledger,
            stored: own.text,
            refCommit: own.commit,
            added: new Map()
        });
    if (earlier && earlier.stored === null)
        return { ...earlier, added: new Map(earlier.added) };
    // Not here: the other copy is looked at once the issues are listed (see readIssueSide).
    return { ledger: emptyLedger(), stored: null, refCommit: null, added: new Map() };
}
/**
 * A goal moved to another file: its issue is handed to that file with the
 * category it had, so the new file's plan settles it as a move between
 * categories; the change is recorded like an entry this run found.
 */
function moved(reader, loaded) {
    for (const [n, move] of reader.moves ?? []) {
        const entry = loaded.ledger.issues.get(n);
        if (!entry || entry.file !== move.from)
            continue;
        const next = { ...entry, file: move.to };
        loaded.ledger.issues.set(n, next);
        loaded.added.set(n, next);
    }
    return loaded;
}
/** The two places a ledger may be, this commit mode's first. */
function ledgerCopies(reader, branch, ref = branch) {
    const { client, at, settings } = reader;
    const fromFile = async () => {
        const file = await readFile(client, at, LEDGER_FILE, ref);
        return (file && {
            ledger: parseLedger(file.text, `${LEDGER_FILE} on "${branch}"`),
            text: file.text,
            commit: null
        });
    };
    const fromRef = async () => {
        const ref = await readLedgerRef(client, at);
        return ref && { ...ref, ledger: parseLedger(ref.text, 'on refs/goals-sync/ledger') };
    };
    return settings.commit === 'push'
        ? [fromFile, fromRef]
        : [fromRef, fromFile];
}
/**
 * Before creating issues, the other copy of the ledger is read too: after a
 * switch of the commit mode it may list issues this copy does not (the higher
 * seq wins where both list a number), and they must not get twins.
 */
async function mergeOtherCopy(reader, branch, loaded) {
    if (loaded.stored === null)
        return;
    const found = await ledgerCopies(reader, branch)[1]();
    if (!found)
        return;
    const newer = found.ledger.seq > loaded.ledger.seq;
    for (const [n, entry] of found.ledger.issues) {
        if (loaded.ledger.issues.has(n) && !newer)
            continue;
        loaded.ledger.issues.set(n, entry);
        loaded.added.set(n, entry);
    }
}
async function readGoals(client, at, path, branch, ref) {
    const goals = await readFile(client, at, path, ref);
    if (goals)
        return goals;
    if (!(await branchExists(client, at, branch))) {
        throw new ActionError(`Branch "${branch}" does not exist in ${at.owner}/${at.repo}: set the input "branch" to an existing branch, or leave it empty for the default branch.`);
    }
    throw new ActionError(`The goals file "${path}" is not on branch "${branch}": add it there, or set the input "path" to where it is.`);
}
function planSettingsOf(settings, config, at, branch, nonce) {
    return {
        path: settings.path,
        label: settings.label,
        conflict: settings.conflict,
        syncTitles: settings.syncTitles,
        categoryLevel: config.headingLevel,
        fileUrl: `${settings.serverUrl}/${at.owner}/${at.repo}/blob/${encodeURIComponent(branch)}/${settings.path}`,
        assignees: config.assignees,
        labelStyle: labelStyles(config, settings.path),
        nonce
    };
}
async function readIssueSide(reader, branch, plan, text, work, loaded, pending, warnings) {
    const { client, at, settings, identity } = reader;
    const path = settings.path;
    const listed = await listIssues(client, at, { labels: settings.label });
    const seen = new Set(listed.map(i => i.number));
    const more = (extra) => {
        for (const issue of extra)
            if (!seen.has(issue.number) && seen.add(issue.number))
                listed.push(issue);
    };
    const adopt = (found) => {
        for (const m of found) {
            loaded.ledger.issues.set(m.issue.number, m.entry);
            loaded.added.set(m.issue.number, m.entry);
        }
    };
    const ours = async (marked) => {
        const kept = [];
        for (const m of marked)
            if (await identity.owns(m.issue.author))
                kept.push(m);
        return kept;
    };
    if (loaded.stored === null && loaded.ledger.issues.size === 0 && listed.length > 0) {
        // Where the ledger is kept in the other commit mode (a user who switched): only worth a read
        // when there are goal issues at all, so a first run reads no more.
        const found = await ledgerCopies(reader, branch)[1]();
        if (found)
            loaded.ledger = found.ledger;
    }
    if (loaded.stored === null && loaded.ledger.issues.size === 0) {
        // No ledger yet (a first run, or the first since goals-sync kept one): rebuilt once from the
        // issues the action authored with a marker, the rule before there was a ledger.
        // Issues whose label a person removed are looked for by author, but only where goals-sync ran
        // before (some labelled issue carries a marker): a first run in a fresh repository reads no more.
        if (markedIssues(listed, loaded.ledger, path).length > 0) {
            for (const creator of await identity.creators())
                more(await listIssues(client, at, { creator }));
        }
        const found = await ours(markedIssues(listed, loaded.ledger, path));
        adopt(found);
        if (found.length > 0) {
            warnings.push(`No goals-sync ledger was found, so it was rebuilt from ${found.length} issue(s) that goals-sync opened (author and hidden marker); it is committed as ${LEDGER_FILE} from now on.`);
        }
    }
    let issues = trackedIssues(listed, loaded.ledger, path);
    const look = () => planSync({ text, issues, settings: plan });
    let first = look();
    if (work.kind !== 'issue' && first.ops.some(op => op.kind === 'create-issue')) {
        await mergeOtherCopy(reader, branch, loaded);
        // Before creating, fetch the ledger's issues the listing missed (a person removed the common
        // label), so a goal never gets a second issue; the plan then puts the label back.
        for (const [n, entry] of loaded.ledger.issues) {
            if (seen.has(n) || entry.retired || entry.file !== path)
                continue;
            const issue = await getIssue(client, at, n);
            if (issue)
                more([issue]);
        }
        if (pending && pending.size > 0) {
            const doc = (0,parse/* parseGoals */.GU)(text, { categoryLevel: plan.categoryLevel });
            const keys = new Set(doc.goals.map(g => goalKey(g.category, g.title, g.occurrence)));
            const tracked = trackedIssues(listed, loaded.ledger, path);
            adopt(await ours(adoptable(markedIssues(listed, loaded.ledger, path), pending, keys, tracked)));
        }
        issues = trackedIssues(listed, loaded.ledger, path);
        first = look();
    }
    const side = { listed, issues };
    // What the push changed only matters when something is out of step; a rerun of a synced push reads nothing more.
    if (work.kind === 'push' && (first.ops.length > 0 || first.edits.length > 0)) {
        side.before = work.before
            ? ((await readFile(client, at, settings.path, work.before))?.text ?? null)
            : null;
    }
    return side;
}
async function readIssueFacts(reader, work, loaded, side) {
    const { client, at, settings } = reader;
    const entry = loaded.ledger.issues.get(work.number);
    if (work.action === 'opened' || work.action === 'labeled') {
        // Any ledger entry, even for another file or retired: such an issue never becomes a new goal.
        // One of this file's is read, so a rerun can add the marker a cut-short run did not.
        if (entry) {
            const mine = !entry.retired && !entry.removed && entry.file === settings.path;
            const candidate = mine ? await getIssue(client, at, work.number) : null;
            return { tracked: null, role: null, candidate, inLedger: true };
        }
        if (settings.commit !== 'push') {
            // The goal's line and its ledger entry must land together on the branch, or the next run
            // would find the issue's goal missing from the file and close it.
            return {
                tracked: null,
                role: null,
                refused: `Issue #${work.number} was ${work.action}, but goals come from issues only with commit: push (this run has commit: ${settings.commit}); ignored.`
            };
        }
        const candidate = await getIssue(client, at, work.number);
        const labelled = candidate?.labels.some(l => l.toLowerCase() === settings.label.toLowerCase());
        // The role is asked only for an issue that could become a goal, so other issues cost one read.
        const role = labelled ? await roleOf(client, at, work.sender) : null;
        return { tracked: null, role, candidate };
    }
    if (!entry || entry.retired || entry.file !== settings.path)
        return { tracked: null, role: null };
    let tracked = side.issues.find(i => i.number === work.number) ?? null;
    if (!tracked) {
        // The ledger's issue without the common label (a person removed it): read it by number.
        const issue = await getIssue(client, at, work.number);
        tracked = issue ? (trackedIssues([issue], loaded.ledger, settings.path)[0] ?? null) : null;
    }
    if (!tracked)
        return { tracked, role: null };
    return { tracked, role: await roleOf(client, at, work.sender) };
}

;// CONCATENATED MODULE: ./.build/run/run-report.js
// What a run is given and what it reports back, to the action and the command line.



function emptyReport(settings, skipped, branch) {
    return {
        skipped,
        writes: 0,
        branch,
        dryRun: settings.dryRun,
        total: 0,
        done: 0,
        percent: 0,
        categories: [],
        ops: [],
        edits: [],
        applied: emptyApplied(),
        commit: null,
        warnings: [],
        notes: []
    };
}
/** Totals and per-category progress of the file the run leaves (goals before the first category first). */
function progressOf(text, level) {
    const doc = (0,parse/* parseGoals */.GU)(text, { categoryLevel: level });
    const categories = doc.categories.map(c => ({
        name: c.name,
        done: c.done,
        total: c.total
    }));
    const loose = doc.goals.filter(g => g.category === null);
    if (loose.length > 0) {
        categories.unshift({
            name: null,
            done: loose.filter(g => g.checked).length,
            total: loose.length
        });
    }
    return {
        total: doc.total,
        done: doc.done,
        percent: (0,badge.percentOf)(doc.done, doc.total),
        categories
    };
}

;// CONCATENATED MODULE: ./.build/sync/paths.js
// The `path` input: one goals file, a glob, or a list of either. Parsed once
// (with errors that name the input), then expanded against the repository's
// file list, always in the same order, so every run syncs the same files.
class PathInputError extends Error {
}
const GLOB = /[*?]/;
function parsePathInput(input) {
    const patterns = [];
    for (const raw of input.split(/[\r\n,]+/)) {
        const entry = raw.trim();
        if (entry === '')
            continue;
        const problem = problemOf(entry);
        if (problem) {
            throw new PathInputError(`Input "path" has "${entry}": ${problem}. Give repository paths such as goals.md, goals/*.md or docs/**/goals.md, separated by commas or new lines.`);
        }
        if (!patterns.includes(entry))
            patterns.push(entry);
    }
    if (patterns.length === 0) {
        throw new PathInputError('Input "path" is empty: give the goals file (e.g. goals.md), a glob such as goals/*.md, or a list of them.');
    }
    return { patterns };
}
function problemOf(entry) {
    if (entry.startsWith('/'))
        return 'paths are relative to the repository root, without a leading "/"';
    if (entry.includes('\\'))
        return 'use "/" between folders';
    if (/[[\]{}!]/.test(entry))
        return 'only the wildcards *, ? and ** are supported';
    const segments = entry.split('/');
    if (segments.some(s => s === ''))
        return 'it has an empty folder name ("//" or a trailing "/")';
    if (segments.some(s => s === '.' || s === '..'))
        return '"." and ".." are not allowed';
    if (segments.some(s => s.includes('**') && s !== '**')) {
        return '"**" must be a whole folder name, as in docs/**/goals.md';
    }
    if (segments.at(-1) === '**')
        return 'it must end with a file name or pattern, e.g. goals/**/*.md';
    if (entry.startsWith('.github/workflows/'))
        return 'the action never writes workflow files';
    return null;
}
/** The files of the repository (e.g. a git tree listing) that the spec names. */
function expandPaths(spec, repoPaths) {
    const present = new Set(repoPaths);
    const files = new Set();
    const missing = [];
    const unmatched = [];
    for (const pattern of spec.patterns) {
        if (!GLOB.test(pattern)) {
            if (present.has(pattern))
                files.add(pattern);
            else
                missing.push(pattern);
            continue;
        }
        const re = globRegExp(pattern);
        const hits = repoPaths.filter(p => re.test(p));
        if (hits.length === 0)
            unmatched.push(pattern);
        for (const hit of hits)
            if (!hit.startsWith('.github/workflows/'))
                files.add(hit);
    }
    return { files: sortPaths([...files]), missing, unmatched };
}
/** The paths a push changed (added, modified, removed) that the spec names, sorted. */
function touchedPaths(spec, changed) {
    const res = spec.patterns.map(p => (GLOB.test(p) ? globRegExp(p) : null));
    const hits = changed.filter(path => spec.patterns.some((p, i) => (res[i] ? res[i].test(path) : p === path)));
    return sortPaths([...new Set(hits)]);
}
/** Code-point order: the same on every machine, whatever its locale. */
function sortPaths(paths) {
    return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
/**
 * `*` and `?` stay within one folder name, `**` spans any number of folders
 * (none included). As in shells, a wildcard does not match a name starting
 * with "." unless the pattern's name starts with "." too, so `**\/*.md` leaves
 * `.github/` alone.
 */
function globRegExp(pattern) {
    const parts = pattern.split('/').map((segment, i, all) => {
        if (segment === '**')
            return '(?:[^/.][^/]*/)*';
        const hidden = segment.startsWith('.') ? '' : '(?!\\.)';
        const body = segment
            .split('')
            .map(c => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^$()|]/g, '\\$&')))
            .join('');
        return `${hidden}${body}${i === all.length - 1 ? '' : '/'}`;
    });
    return new RegExp(`^${parts.join('')}$`, 'u');
}

;// CONCATENATED MODULE: ./.build/sync/moves.js

function movesBetweenFiles(issues, docs) {
    const titlesOf = (file) => (docs.get(file)?.goals ?? []).map(g => identityTitle(g.title));
    const live = [...issues].filter(([, e]) => !e.retired && !e.removed && docs.has(e.file));
    const tracked = new Set(live.map(([, e]) => `${e.file}\n${e.title}`));
    // Goals with no issue of their file for their title, and issues whose title left their file.
    const orphans = [];
    for (const [file, doc] of docs) {
        for (const g of doc.goals) {
            const title = identityTitle(g.title);
            if (!tracked.has(`${file}\n${title}`))
                orphans.push({ file, category: g.category, title });
        }
    }
    const gone = live.filter(([, e]) => !titlesOf(e.file).includes(e.title));
    const wanted = new Map();
    for (const [n, entry] of gone) {
        const elsewhere = orphans.filter(o => o.file !== entry.file && o.title === entry.title);
        const sameCategory = elsewhere.filter(o => o.category === entry.category);
        const pick = sameCategory.length === 1 ? sameCategory : elsewhere;
        if (pick.length === 1)
            wanted.set(n, pick[0]);
    }
    // A goal two issues could claim goes to neither.
    const moves = new Map();
    for (const [n, orphan] of wanted) {
        const rivals = [...wanted.values()].filter(o => o === orphan).length;
        if (rivals === 1)
            moves.set(n, { from: issues.get(n).file, to: orphan.file });
    }
    return moves;
}

;// CONCATENATED MODULE: ./.build/run/several.js
// Several goals files (`path: goals/*.md`, or a list): each file is synced on
// its own by the one-file run, in code-point order, and the runs share what
// the badge and card need to show the total. Which files a run syncs follows
// from its event, so a push that touched one file plans only that one.














/**
 * The spec when `path` names several files (a wildcard or a list); null for
 * one plain path, which keeps the one-file run exactly as it always was.
 */
function severalFiles(path) {
    if (!/[*?,\r\n]/.test(path))
        return null;
    try {
        return parsePathInput(path);
    }
    catch (error) {
        if (error instanceof PathInputError)
            throw new ActionError(error.message);
        throw error;
    }
}
async function runSeveral(input, spec, runOne) {
    const { settings, client } = input;
    const at = { owner: settings.owner, repo: settings.repo };
    const repository = input.payload.repository;
    const branch = settings.branch ?? repository?.default_branch ?? (await defaultBranch(client, at));
    const work = classifyEvent(input.eventName, input.payload, branch, settings.label);
    if (work.kind === 'skip')
        return emptyReport(settings, work.reason, branch);
    if (settings.commit === 'pull-request') {
        // Each file's changes would be a separate commit built on the branch, so the pull request
        // would keep only the last file's: refused rather than losing the others'.
        throw new ActionError(`Input "path" names several goals files ("${settings.path}"), which "commit: pull-request" does not support yet: use "commit: push" (allowed to push to "${branch}"), or "commit: none".`);
    }
    const files = await goalsFiles(client, at, settings, spec, branch);
    const configFile = await readFile(client, at, settings.config, branch);
    const config = configFile ? parseConfig(configFile.text, settings.config) : DEFAULT_CONFIG;
    const level = config.headingLevel;
    const ledger = await several_readLedger(input, branch);
    const texts = new Map();
    const read = async (file) => {
        if (!texts.has(file))
            texts.set(file, (await readFile(client, at, file, branch))?.text ?? '');
        return texts.get(file);
    };
    // The badge and card count every file: one still as the action last wrote it (same blob id)
    // counts from the ledger's rows, unread; any other is read.
    const rows = new Map();
    for (const file of files.files) {
        const known = ledger?.progress?.get(file);
        rows.set(file, known && known.blob === files.blobs.get(file)
            ? known.rows
            : (0,card_model.cardCategoriesOf)((0,parse/* parseGoals */.GU)(await read(file), { categoryLevel: level })));
    }
    const siblings = { files: files.files, rows, categoryLevel: level };
    const planned = plannedFiles(input, work, spec, files.files, siblings, ledger);
    // A goal moved between two files this run syncs keeps its issue (a move is seen from both ends).
    let moves = null;
    if (planned.length > 1 && ledger) {
        const docs = new Map();
        for (const file of planned)
            docs.set(file, (0,parse/* parseGoals */.GU)(await read(file), { categoryLevel: level }));
        moves = movesBetweenFiles(ledger.issues, docs);
    }
    const reports = [];
    const budget = new WriteBudget(settings.maxWrites);
    for (const file of planned) {
        reports.push(await runOne({
            ...input,
            settings: { ...settings, path: file },
            siblings,
            budget,
            ...(moves && moves.size > 0 ? { moves } : {})
        }));
    }
    const report = combined(settings, branch, reports, siblings);
    report.warnings.unshift(...files.warnings);
    if (planned.length === 0) {
        report.notes.push(`The push changed none of the goals files (${files.files.join(', ')}); nothing to sync. The next scheduled or manual run reconciles them all.`);
    }
    return report;
}
/** The goals files on the branch (with blob ids): never the action's outputs, config, ledger or a workflow. */
async function goalsFiles(client, at, settings, spec, branch) {
    const own = new Set([settings.badge, settings.card, settings.config, LEDGER_FILE]);
    const blobs = await listPaths(client, at, branch);
    const paths = [...blobs.keys()].filter(p => !own.has(p));
    const { files, missing, unmatched } = expandPaths(spec, paths);
    if (missing.length > 0) {
        throw new ActionError(`Input "path" names ${missing.map(m => `"${m}"`).join(', ')}, not on branch "${branch}": add the file there, or remove it from "path".`);
    }
    if (files.length === 0) {
        throw new ActionError(`Input "path" ("${spec.patterns.join(', ')}") matches no goals file on branch "${branch}": add one (e.g. goals/main.md), or change "path".`);
    }
    const warnings = unmatched.map(u => `Input "path" has "${u}", which matches no file on "${branch}"; the other entries are synced.`);
    return { files, blobs, warnings };
}
/**
 * Which files this run syncs. A push: those its commits added, changed or
 * removed (all, when the event does not list them: too many commits, or a
 * forced push). An issue event: the file of the issue's goal, or for an issue
 * that may become a goal, the first file with the category its labels name
 * (else the first file). Anything else: every file.
 */
function plannedFiles(input, work, spec, files, siblings, ledger) {
    if (work.kind === 'push') {
        const changed = work.changed;
        return changed ? touchedPaths(spec, changed).filter(f => files.includes(f)) : [...files];
    }
    if (work.kind !== 'issue')
        return [...files];
    const entry = ledger?.issues.get(work.number);
    if (entry && files.includes(entry.file))
        return [entry.file];
    if (entry)
        return [];
    const issue = input.payload.issue;
    const labels = (issue?.labels ?? []).map(l => (l.name ?? '').toLowerCase());
    const home = files.find(file => (siblings.rows.get(file) ?? []).some(c => labels.includes(categoryLabel(c.name).toLowerCase())));
    return [home ?? files[0]];
}
/** Where this commit mode keeps the ledger, else the other place; null when neither has one. */
async function several_readLedger(input, branch) {
    const { client, settings } = input;
    const at = { owner: settings.owner, repo: settings.repo };
    const fromFile = async () => {
        const file = await readFile(client, at, LEDGER_FILE, branch);
        return file && parseLedger(file.text, `${LEDGER_FILE} on "${branch}"`);
    };
    const fromRef = async () => {
        const ref = await readLedgerRef(client, at);
        return ref && parseLedger(ref.text, 'on refs/goals-sync/ledger');
    };
    const order = settings.commit === 'push' ? [fromFile, fromRef] : [fromRef, fromFile];
    for (const read of order) {
        const found = await read();
        if (found)
            return found;
    }
    return null;
}
/** One report for the run: the files' runs added up, progress over every file. */
function combined(settings, branch, reports, siblings) {
    const report = emptyReport(settings, null, branch);
    for (const r of reports) {
        report.writes += r.writes;
        report.ops.push(...r.ops);
        report.edits.push(...r.edits);
        if (r.milestones)
            (report.milestones ??= []).push(...r.milestones);
        report.warnings.push(...r.warnings);
        report.notes.push(...r.notes);
        if (r.commit?.sha)
            report.commit = r.commit;
        const a = report.applied;
        a.created.push(...r.applied.created);
        a.closed.push(...r.applied.closed);
        a.reopened.push(...r.applied.reopened);
        a.updated.push(...r.applied.updated);
        a.touched.push(...r.applied.touched);
        a.deferred += r.applied.deferred;
        a.stoppedBy ??= r.applied.stoppedBy;
        for (const [n, e] of r.applied.recorded)
            a.recorded.set(n, e);
    }
    for (const file of siblings.files) {
        for (const c of siblings.rows.get(file) ?? []) {
            report.done += c.done;
            report.total += c.total;
            report.categories.push({ name: `${file}: ${c.name}`, done: c.done, total: c.total });
        }
    }
    report.percent = (0,badge.percentOf)(report.done, report.total);
    return report;
}

;// CONCATENATED MODULE: ./.build/run/index.js
// One run, as stages in order: read → decide → (lock, read again, decide
// again) → apply → commit. Each stage takes what it needs from the ones
// before; the report is put together from their outputs.














async function runSync(input) {
    const spec = severalFiles(input.settings.path);
    return spec ? runSeveral(input, spec, runOne) : runOne(input);
}
/** One goals file: the whole run, or one file's part of a run over several. */
async function runOne(input) {
    const { settings, client, log } = input;
    const nonce = (0,external_node_crypto_.randomBytes)(8).toString('hex');
    const started = await readSnapshot(settings, client, input.eventName, input.payload, nonce, input.now, input.moves);
    if (started.kind === 'skip')
        return emptyReport(settings, started.reason, started.branch);
    const { reader } = started;
    let snapshot = {
        ...started.snapshot,
        ...(input.siblings ? { siblings: input.siblings } : {})
    };
    // What the other files' badge and card see of this one: what it holds once this run is done.
    const leaves = (text) => input.siblings?.rows.set(settings.path, (0,card_model.cardCategoriesOf)((0,parse/* parseGoals */.GU)(text, { categoryLevel: snapshot.config.headingLevel })));
    const report = emptyReport(settings, null, snapshot.branch);
    const budget = input.budget ?? new WriteBudget(settings.maxWrites);
    const spentBefore = budget.used;
    let lock = null;
    let ledgerLanded = true;
    try {
        let decision = decide(snapshot);
        let issueWrites = true;
        if (!settings.dryRun && needsLock(decision.ops)) {
            const guard = await guardRun(reader, snapshot.branch, decision.ops, budget, {
                ...(input.lockTiming ? { timing: input.lockTiming } : {}),
                ...(input.lockPollMs !== undefined ? { pollMs: input.lockPollMs } : {}),
                log: m => log.info(m),
                warn: m => log.warning(m)
            });
            if (guard.kind === 'too-small') {
                // Such writes come after the lock; a budget that cannot pay for it defers them all.
                issueWrites = false;
                report.applied.deferred += decision.ops.length;
                report.applied.stoppedBy = guard.reason;
            }
            else {
                lock = guard.lock;
                snapshot = await rereadSnapshot(reader, snapshot, lock?.pending ?? new Set(), guard.head);
                decision = decide(snapshot);
            }
        }
        if (decision.ops.some(op => op.kind === 'create-label'))
            decision = decide(snapshot, await readLabels(reader));
        report.ops = decision.ops;
        if (decision.milestones)
            report.milestones = [...decision.milestones.before, ...decision.milestones.after];
        report.edits = decision.edits;
        report.warnings.push(...decision.warnings);
        report.notes.push(...decision.notes);
        const finalText = applyGoalEdits(snapshot.goals.text, decision.edits, snapshot.config.headingLevel).text;
        Object.assign(report, progressOf(finalText, snapshot.config.headingLevel));
        leaves(settings.dryRun ? finalText : snapshot.goals.text);
        if (settings.dryRun)
            return report;
        const lockReserve = lock ? LOCK_RELEASE : 0;
        const needsCommit = await commitNeeded(reader, snapshot, decision, finalText);
        const milestones = decision.milestones;
        const book = milestones && new MilestoneBook(milestones.made.map(m => [m.number, m.category]));
        if (issueWrites) {
            ledgerLanded = false;
            const reserve = lockReserve + (needsCommit ? commitCost(settings.commit) : 0);
            const logged = { reserve, log: (m) => log.info(m) };
            if (milestones && book) {
                await applyMilestoneOps(client, reader.at, milestones.before, budget, report.applied, {
                    ...logged,
                    book
                });
            }
            await applyOps(client, reader.at, decision.ops, budget, report.applied, {
                ...logged,
                recovery: recoveryFor(reader),
                ...(book ? { milestoneOf: book.numberOf } : {})
            });
            if (milestones && book) {
                await applyMilestoneOps(client, reader.at, milestones.after, budget, report.applied, {
                    ...logged,
                    book
                });
            }
        }
        if (book)
            report.applied.milestones = book.made;
        if (decision.held) {
            // Held back before any write, so the report says it after what apply did.
            report.applied.deferred += decision.held.count;
            report.applied.stoppedBy ??= `GitHub's limit of ${CREATIONS_PER_HOUR} new issues per hour; a run from ${decision.held.until} on creates the other ${decision.held.count}`;
        }
        if (report.applied.stoppedBy) {
            log.warning(`Stopped early: ${report.applied.stoppedBy}. ${report.applied.deferred} operation(s) left for the next run.`);
        }
        const adopt = async (adoption) => {
            const problem = await adoptIssue(client, reader.at, adoption, budget, lockReserve, report.applied, m => log.info(m));
            if (problem)
                report.warnings.push(problem);
        };
        // A rerun finishing an adoption: the goal is committed already.
        if (decision.adopt && !decision.edits.some(e => e.append))
            await adopt(decision.adopt);
        if (!needsCommit) {
            ledgerLanded = report.applied.created.length === 0;
            return report;
        }
        const committed = await commitStage(reader, snapshot, decision, report.applied, budget, {
            reserve: lockReserve,
            log: m => log.info(m)
        });
        ledgerLanded = committed.ledgerLanded;
        report.commit = committed.commit;
        if (committed.commit?.sha && settings.commit === 'push')
            leaves(finalText);
        report.warnings.push(...committed.warnings);
        if (decision.adopt && committed.appended.includes(decision.adopt.number))
            await adopt(decision.adopt);
        if (committed.deferredBy) {
            report.applied.stoppedBy ??= committed.deferredBy;
            report.applied.deferred += 1;
            log.warning('The goals file could not be committed in this run; the next run commits it.');
        }
        return report;
    }
    finally {
        await releaseLock(lock, budget, !ledgerLanded && report.applied.created.length > 0);
        report.writes = budget.used - spentBefore;
    }
}

;// CONCATENATED MODULE: ./.build/run/run-sync.js

/** GOALS_SYNC_PACING=off: a local test server, where nothing needs GitHub's spacing. */
const unpaced = (env) => env.GOALS_SYNC_PACING === 'off';
/** Lock timings to go with pacing off: writes are fast, so a dead run's lock expires fast too. */
function unpacedTimings(env) {
    return unpaced(env)
        ? { lockPollMs: 100, lockTiming: { perWriteMs: 200, spareMs: 5_000, maxWaitMs: 10_000 } }
        : {};
}

;// CONCATENATED MODULE: ./.build/action/settings.js
class InputError extends Error {
}
/** The defaults of action.yml, for callers that are not a runner (the CLI, tests). */
const INPUT_DEFAULTS = {
    path: 'goals.md',
    badge: '.github/badges/goals.svg',
    card: '.github/badges/goals-card.svg',
    label: 'goal',
    branch: '',
    'dry-run': 'false',
    conflict: 'latest',
    'commit-message': 'chore(goals): sync progress [skip ci]',
    commit: 'push',
    'sync-titles': 'true',
    milestones: 'false',
    'max-writes': '1000',
    config: '.github/goals-sync.yml'
};
/** Inputs as a runner passes them: INPUT_<NAME> variables, action.yml defaults when absent. */
function runnerInputs(env) {
    return name => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? INPUT_DEFAULTS[name];
}
function settings_text(get, name) {
    return (get(name) ?? INPUT_DEFAULTS[name] ?? '').trim();
}
function bool(get, name, fallback) {
    const raw = settings_text(get, name).toLowerCase();
    if (raw === '')
        return fallback;
    if (['true', 'yes', 'on', '1'].includes(raw))
        return true;
    if (['false', 'no', 'off', '0'].includes(raw))
        return false;
    throw new InputError(`Input "${name}" is "${settings_text(get, name)}": use true or false.`);
}
function oneOf(get, name, allowed, fallback) {
    const raw = settings_text(get, name);
    if (raw === '')
        return fallback;
    if (allowed.includes(raw))
        return raw;
    throw new InputError(`Input "${name}" is "${raw}": use ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}.`);
}
function repoPath(get, name, fallback, allowEmpty) {
    const raw = settings_text(get, name);
    const value = raw === '' && !allowEmpty ? fallback : raw;
    if (value === '')
        return value;
    if (value.startsWith('/') ||
        /^[A-Za-z]:/.test(value) ||
        value.split('/').some(p => p === '..' || p === '.' || p === '')) {
        throw new InputError(`Input "${name}" is "${raw}": give a path inside the repository (no leading /, no . or .. parts), like ${fallback}.`);
    }
    if (underWorkflows(value)) {
        throw new InputError(`Input "${name}" is "${raw}": goals-sync never writes under .github/workflows/ (a file there is a workflow); choose another place, like ${fallback}.`);
    }
    return value;
}
/** Git and GitHub compare paths exactly, but a workflow folder spelled in other case is refused too. */
function underWorkflows(path) {
    const lower = path.toLowerCase();
    return lower === '.github/workflows' || lower.startsWith('.github/workflows/');
}
/** `*` and `?` within a path part, `**` across parts, `[...]` a class: what a goals `path` glob may use. */
function globPattern(glob) {
    let out = '';
    for (let k = 0; k < glob.length; k++) {
        const c = glob[k];
        if (c === '*' && glob[k + 1] === '*') {
            // `**/` may also stand for no folder at all.
            const slash = glob[k + 2] === '/';
            out += slash ? '(?:.*/)?' : '.*';
            k += slash ? 2 : 1;
        }
        else if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '[' && glob.indexOf(']', k + 1) > k + 1) {
            const end = glob.indexOf(']', k + 1);
            const body = glob
                .slice(k + 1, end)
                .replace(/^!/, '^')
                .replace(/[\\\]]/g, '\\$&');
            out += `[${body}]`;
            k = end;
        }
        else
            out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return new RegExp(`^${out}$`);
}
/**
 * Every file the action writes besides the goals file (the badge, the card)
 * goes through here: a path inside the repository, never a goals file (the
 * next run would read the SVG as goals and close every issue), never the
 * settings file or another output, never under .github/workflows/.
 */
function outputPath(get, name, taken) {
    const value = repoPath(get, name, INPUT_DEFAULTS[name] ?? '', true);
    if (value === '')
        return null;
    const clash = (why) => new InputError(`Input "${name}" is "${value}": ${why}; give it a path of its own, like ${INPUT_DEFAULTS[name]}, or leave it empty for none.`);
    if (value === taken.path || globPattern(taken.path).test(value))
        return fail(clash(`that is the goals file (input "path" is "${taken.path}")`));
    if (value === taken.config)
        return fail(clash(`that is the settings file (input "config")`));
    for (const [other, path] of Object.entries(taken.others)) {
        if (path === value)
            return fail(clash(`input "${other}" writes there already`));
    }
    return value;
}
const fail = (error) => {
    throw error;
};
function buildSettings(get, env) {
    const token = settings_text(get, 'token');
    if (token === '') {
        throw new InputError('Input "token" is empty: pass a token, e.g. token: ${{ github.token }} (the default).');
    }
    const repository = settings_text(get, 'repository') || (env.GITHUB_REPOSITORY ?? '');
    const [owner, repo, ...rest] = repository.split('/');
    if (!owner || !repo || rest.length > 0) {
        throw new InputError(`The repository "${repository}" is not owner/name: GITHUB_REPOSITORY must be set (it is on every runner).`);
    }
    const label = settings_text(get, 'label') || 'goal';
    if (label.length > 50 || label.includes(',')) {
        throw new InputError(`Input "label" is "${label}": use a label name of at most 50 characters without commas.`);
    }
    const maxRaw = settings_text(get, 'max-writes');
    const maxWrites = maxRaw === '' ? 1000 : Number(maxRaw);
    if (!Number.isInteger(maxWrites) || maxWrites < 0) {
        throw new InputError(`Input "max-writes" is "${maxRaw}": use a whole number of 0 or more (default 1000).`);
    }
    const commitMessage = settings_text(get, 'commit-message') || 'chore(goals): sync progress [skip ci]';
    const path = repoPath(get, 'path', 'goals.md', false);
    const config = repoPath(get, 'config', '.github/goals-sync.yml', false);
    const badge = outputPath(get, 'badge', { path, config, others: {} });
    const card = outputPath(get, 'card', { path, config, others: { badge } });
    return {
        token,
        owner,
        repo,
        path,
        badge,
        card,
        label,
        branch: settings_text(get, 'branch') || null,
        dryRun: bool(get, 'dry-run', false),
        conflict: oneOf(get, 'conflict', ['latest', 'file', 'issues'], 'latest'),
        commitMessage,
        commit: oneOf(get, 'commit', ['push', 'pull-request', 'none'], 'push'),
        syncTitles: bool(get, 'sync-titles', true),
        milestones: bool(get, 'milestones', false),
        maxWrites,
        config,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
    };
}

// EXTERNAL MODULE: ./.build/cli/args.js
var args = __webpack_require__(4842);
// EXTERNAL MODULE: ./.build/cli/sync-flags.js
var sync_flags = __webpack_require__(6762);
;// CONCATENATED MODULE: ./.build/cli/sync-commands.js
// plan and sync: the action's run from a terminal, on the same code path.
// Both do a full reconcile (as workflow_dispatch does); plan never writes.









async function syncCommand(write, flags, env, terminal) {
    // What the run says comes partly from GitHub (issue titles): shown, never obeyed.
    const io = {
        out: (text) => terminal.out(terminalText(text)),
        err: (text) => terminal.err(terminalText(text))
    };
    const repo = flags.get('repo');
    if (typeof repo !== 'string')
        throw new args/* UsageError */.e(`"${write ? 'sync' : 'plan'}" needs --repo owner/name`);
    const token = env.GITHUB_TOKEN ?? env.GH_TOKEN ?? '';
    if (token === '')
        throw new args/* UsageError */.e('set GITHUB_TOKEN to a token that can read (plan) or write (sync) the repository');
    try {
        const settings = buildSettings(name => {
            if (name === 'token')
                return token;
            if (name === 'repository')
                return repo;
            if (name === 'dry-run')
                return write ? 'false' : 'true';
            const value = flags.get(name);
            return typeof value === 'string' ? value : INPUT_DEFAULTS[name];
        }, env);
        const client = createClient({
            token,
            baseUrl: settings.apiUrl,
            pacing: pacingFromEnv(env),
            warn: m => io.err(`warning: ${m}`)
        });
        const report = await runSync({
            settings,
            client,
            eventName: 'workflow_dispatch',
            payload: {},
            log: { info: m => io.err(m), warning: m => io.err(`warning: ${m}`) },
            ...unpacedTimings(env)
        });
        const issueUrl = (n) => `${settings.serverUrl}/${settings.owner}/${settings.repo}/issues/${n}`;
        io.out(summaryMarkdown(report, issueUrl));
        if (flags.has('json'))
            io.out(JSON.stringify(planJson(report), null, 2));
        return 0;
    }
    catch (error) {
        if (error instanceof InputError || error instanceof ConfigError) {
            io.err(`goals-sync: ${error.message}`);
            return 1;
        }
        const said = describeForTerminal(error);
        if (said) {
            io.err(`goals-sync: ${said}`);
            return 1;
        }
        throw error;
    }
}


/***/ }),

/***/ 7676:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   badgeColor: () => (/* binding */ badgeColor),
/* harmony export */   percentOf: () => (/* binding */ percentOf),
/* harmony export */   renderBadge: () => (/* binding */ renderBadge)
/* harmony export */ });
/* harmony import */ var badge_maker__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8833);
// The progress badge, drawn with shields.io's own renderer so it looks like the
// badges people already have in their READMEs.

function percentOf(done, total) {
    return total === 0 ? 0 : Math.floor((done * 100) / total);
}
/** Colour steps follow the usual coverage-badge convention: red when nothing is done, green when all is. */
function badgeColor(done, total) {
    if (total === 0)
        return 'lightgrey';
    if (done === total)
        return 'brightgreen';
    const percent = percentOf(done, total);
    if (percent >= 75)
        return 'green';
    if (percent >= 50)
        return 'yellowgreen';
    if (percent >= 25)
        return 'yellow';
    if (percent > 0)
        return 'orange';
    return 'red';
}
function renderBadge(done, total) {
    const svg = (0,badge_maker__WEBPACK_IMPORTED_MODULE_0__/* .makeBadge */ .O)({
        label: 'goals',
        message: `${done}/${total}`,
        color: badgeColor(done, total)
    });
    return `${svg}\n`;
}


/***/ }),

/***/ 8165:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cardCategoriesOf: () => (/* binding */ cardCategoriesOf),
/* harmony export */   cardModelOf: () => (/* binding */ cardModelOf),
/* harmony export */   renderCardOf: () => (/* binding */ renderCardOf)
/* harmony export */ });
/* harmony import */ var _card_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1861);

function cardCategoriesOf(doc) {
    const rows = doc.categories.map(c => ({ name: c.name, done: c.done, total: c.total }));
    const loose = doc.goals.filter(g => g.category === null);
    if (loose.length > 0)
        rows.unshift({
            name: _card_js__WEBPACK_IMPORTED_MODULE_0__/* .UNCATEGORISED */ .E0,
            done: loose.filter(g => g.checked).length,
            total: loose.length
        });
    return rows;
}
/** The card of one goals file, or of several: one titled section per file. */
function cardModelOf(files) {
    return { sections: files.map(f => ({ title: f.title, categories: cardCategoriesOf(f.doc) })) };
}
/** The card's SVG for parsed goals files: what `fix --card` and the action write. */
function renderCardOf(files) {
    return (0,_card_js__WEBPACK_IMPORTED_MODULE_0__/* .renderCard */ .Tm)(cardModelOf(files));
}


/***/ }),

/***/ 1861:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E0: () => (/* binding */ UNCATEGORISED),
/* harmony export */   Tm: () => (/* binding */ renderCard)
/* harmony export */ });
/* unused harmony exports textWidth, fitText, filledWidth, cardOf */
/* harmony import */ var anafanafo__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5137);
/* harmony import */ var _badge_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7676);
// The progress card: one SVG with a bar per category and the total, meant for a
// README. Text widths come from anafanafo, the Verdana metrics badge-maker uses,
// and every text carries textLength, so a viewer without Verdana still draws
// each text in exactly the measured width and nothing overflows its column.


const FONT = '11px Verdana';
const FONT_FAMILY = 'Verdana,Geneva,DejaVu Sans,sans-serif';
const PAD = 16;
const ROW = 24;
const NAME_WIDTH = 200;
const GAP = 12;
const BAR_X = PAD + NAME_WIDTH + GAP;
const BAR_WIDTH = 200;
const BAR_HEIGHT = 8;
const COUNT_X = BAR_X + BAR_WIDTH + GAP;
/** Room for counts up to about 9999/9999; larger counts widen the card instead of being cut. */
const MIN_COUNT_WIDTH = 64;
const ELLIPSIS = '…';
/** Both of GitHub's themes: the card follows the viewer's colour scheme. */
const STYLE = [
    '.bg{fill:#ffffff;stroke:#d0d7de}',
    '.tx{fill:#1f2328}',
    '.mu{fill:#59636e}',
    '.tr{fill:#d8dee4}',
    '.fi{fill:#1f883d}',
    '.ln{stroke:#d0d7de}',
    '@media (prefers-color-scheme: dark){',
    '.bg{fill:#0d1117;stroke:#3d444d}',
    '.tx{fill:#f0f6fc}',
    '.mu{fill:#9198a1}',
    '.tr{fill:#262c36}',
    '.fi{fill:#2ea043}',
    '.ln{stroke:#3d444d}',
    '}'
].join('');
function textWidth(text) {
    return anafanafo__WEBPACK_IMPORTED_MODULE_0__(text, { font: FONT });
}
/** The longest prefix of `text` that fits `width` with an ellipsis, or `text` when it fits whole. */
function fitText(text, width) {
    if (textWidth(text) <= width)
        return text;
    const chars = Array.from(text);
    let keep = chars.length;
    while (keep > 0 && textWidth(chars.slice(0, keep).join('').trimEnd() + ELLIPSIS) > width)
        keep--;
    return chars.slice(0, keep).join('').trimEnd() + ELLIPSIS;
}
/** Filled length of a bar, to a tenth of a pixel so the output stays short and stable. */
function filledWidth(done, total, width) {
    if (total <= 0)
        return 0;
    return Math.round((Math.min(done, total) / total) * width * 10) / 10;
}
// Control characters are not allowed in XML at all, even escaped: one in a
// heading would make the whole image fail to load.
function escapeXml(text) {
    return (text
        // eslint-disable-next-line no-control-regex -- matching them is the point
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;'));
}
function text(x, y, content, cls, anchorEnd = false) {
    const anchor = anchorEnd ? ' text-anchor="end"' : '';
    const length = Math.round(textWidth(content) * 100) / 100;
    return `<text x="${x}" y="${y}" class="${cls}"${anchor} textLength="${length}" lengthAdjust="spacingAndGlyphs">${escapeXml(content)}</text>`;
}
function barRow(y, right, name, done, total) {
    const barY = y - BAR_HEIGHT + 1;
    const filled = filledWidth(done, total, BAR_WIDTH);
    const parts = [
        `<title>${escapeXml(`${name}: ${done}/${total}`)}</title>`,
        text(PAD, y, fitText(name, NAME_WIDTH), 'tx'),
        `<rect x="${BAR_X}" y="${barY}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" rx="${BAR_HEIGHT / 2}" class="tr"/>`
    ];
    if (filled > 0) {
        parts.push(`<rect x="${BAR_X}" y="${barY}" width="${filled}" height="${BAR_HEIGHT}" rx="${Math.min(BAR_HEIGHT / 2, filled / 2)}" class="fi"/>`);
    }
    parts.push(text(right, y, `${done}/${total}`, 'mu', true));
    return [`<g>`, ...parts, `</g>`];
}
/** The card's SVG text for a model; the same model always gives the same bytes. */
function renderCard(model) {
    const categories = model.sections.flatMap(s => s.categories);
    const done = categories.reduce((sum, c) => sum + c.done, 0);
    const total = categories.reduce((sum, c) => sum + c.total, 0);
    const counts = [...categories, { done, total }].map(c => textWidth(`${c.done}/${c.total}`));
    const width = Math.ceil(COUNT_X + Math.max(MIN_COUNT_WIDTH, ...counts) + PAD);
    const right = width - PAD;
    const summary = `${done}/${total} goals done, ${(0,_badge_js__WEBPACK_IMPORTED_MODULE_1__.percentOf)(done, total)}%`;
    let y = PAD + 12;
    const body = [
        text(PAD, y, 'Goals', 'tx').replace('<text ', '<text font-weight="bold" '),
        text(right, y, summary, 'mu', true)
    ];
    y += ROW;
    for (const section of model.sections) {
        if (section.title !== null) {
            body.push(text(PAD, y, fitText(section.title, width - 2 * PAD), 'mu'));
            y += ROW;
        }
        for (const c of section.categories) {
            body.push(...barRow(y, right, c.name, c.done, c.total));
            y += ROW;
        }
    }
    const lineY = y - ROW / 2 - 2;
    body.push(`<line x1="${PAD}" y1="${lineY}" x2="${right}" y2="${lineY}" class="ln"/>`);
    y += 2;
    body.push(...barRow(y, right, 'Total', done, total));
    const height = y + PAD;
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(`goals: ${summary}`)}">`,
        `<title>${escapeXml(`goals: ${summary}`)}</title>`,
        `<style>${STYLE}</style>`,
        `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="6" class="bg"/>`,
        `<g font-family="${FONT_FAMILY}" font-size="11">`,
        ...body,
        `</g>`,
        `</svg>`,
        ''
    ].join('\n');
}
/** The card of one goals file: its categories, in file order. */
function cardOf(categories) {
    return { sections: [{ title: null, categories }] };
}
/** Goals before the first category heading get a row of their own, named as `list` names them. */
const UNCATEGORISED = '(no category)';


/***/ })

};
