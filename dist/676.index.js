export const id = 676;
export const ids = [676];
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


/***/ })

};
