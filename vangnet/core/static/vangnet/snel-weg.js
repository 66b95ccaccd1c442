/*
 * Quick exit ("Snel weg"), after the GOV.UK "Exit this page" pattern.
 * Without JavaScript the button is an ordinary link to /weg/, which clears the session.
 * This script adds: pressing Shift three times (each within 5 seconds of the previous)
 * leaves too, the page is hidden at once, and the exit replaces the current history
 * entry so that "Back" does not return here.
 *
 * "Back" still reaches the page before it (a browser keeps earlier entries), and a browser
 * fills that page's form in again with what was ticked or typed there (form state kept in
 * the history entry), even though the server forgot the visit. So this script keeps a
 * mark in the tab's sessionStorage while the visit lasts and the exit removes it: a page
 * reached through Back or Forward without the mark belongs to a visit that was left with
 * the quick exit, and its forms are reset to what the server sent (nothing answered).
 */
(function () {
  "use strict";
  var container = document.querySelector("[data-snel-weg]");
  if (!container) { return; }
  var button = container.querySelector("[data-snel-weg-knop]");
  var status = container.querySelector("[data-snel-weg-status]");
  var lang = document.documentElement.lang || "nl";
  var text = {
    nl: { twice: "Shift, nog 2 keer drukken om de pagina te verlaten.", once: "Shift, nog 1 keer drukken om de pagina te verlaten.", expired: "Snel weg: tijd verstreken.", leaving: "Bezig met verlaten…" },
    fr: { twice: "Maj, appuyez encore 2 fois pour quitter la page.", once: "Maj, appuyez encore 1 fois pour quitter la page.", expired: "Sortie rapide : délai expiré.", leaving: "Sortie en cours…" },
    en: { twice: "Shift, press 2 more times to exit.", once: "Shift, press 1 more time to exit.", expired: "Exit this page expired.", leaving: "Leaving…" }
  }[lang.slice(0, 2)] || null;
  if (!text) { text = { twice: "", once: "", expired: "", leaving: "" }; }

  var MARK = "vangnet-bezoek";
  function storage() { try { return window.sessionStorage; } catch (e) { return null; } }
  function traversed(event) {
    if (event && event.persisted) { return true; }
    var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    return Boolean(nav && nav.type === "back_forward");
  }
  function forgetIfLeft(event) {
    var s = storage();
    if (!s) { return; }
    if (traversed(event) && !s.getItem(MARK)) {
      var forms = document.forms;
      for (var f = 0; f < forms.length; f++) { forms[f].reset(); }
    }
    s.setItem(MARK, "1");
  }

  var presses = 0;
  var timer = null;
  var shiftUsedAsModifier = false;

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.body.classList.add("vangnet-weg");
    var screen = document.createElement("div");
    screen.className = "vangnet-weg-scherm";
    screen.setAttribute("role", "alert");
    screen.textContent = text.leaving;
    document.body.appendChild(screen);
    var s = storage();
    if (s) { s.removeItem(MARK); }
    window.location.replace(button.href);
  }

  function reset(announce) {
    presses = 0;
    if (timer) { clearTimeout(timer); timer = null; }
    if (announce) { status.textContent = text.expired; }
  }

  button.addEventListener("click", leave);
  var skip = document.querySelectorAll('a.skip-link[href="' + button.getAttribute("href") + '"]');
  for (var i = 0; i < skip.length; i++) { skip[i].addEventListener("click", leave); }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { shiftUsedAsModifier = false; }
      return;
    }
    // Any other key while Shift is down (Shift+A, Shift+Tab) makes it a modifier.
    shiftUsedAsModifier = true;
    reset(false);
  }, true);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { return; }
    if (shiftUsedAsModifier) { return; } // Shift used as a modifier does not count.
    presses += 1;
    if (timer) { clearTimeout(timer); }
    if (presses >= 3) { reset(false); leave(); return; }
    status.textContent = presses === 1 ? text.twice : text.once;
    timer = setTimeout(function () { reset(true); }, 5000);
  }, true);

  // Coming back through the back/forward cache: show the page again.
  window.addEventListener("pageshow", function (event) {
    forgetIfLeft(event);
    document.body.classList.remove("vangnet-weg");
    var screen = document.querySelector(".vangnet-weg-scherm");
    if (screen) { screen.remove(); }
    reset(false);
  });
})();
