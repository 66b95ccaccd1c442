/*
 * Error summary: move focus to it when a page comes back with an error, so that screen
 * reader users hear what went wrong first (GOV.UK error summary pattern). Without
 * JavaScript the summary is still at the top of the page and its links lead to the fields.
 */
(function () {
  "use strict";
  var summary = document.querySelector("[data-foutoverzicht]");
  if (summary) { summary.focus(); }
})();
