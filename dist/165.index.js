export const id = 165;
export const ids = [165,676];
export const modules = {

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
