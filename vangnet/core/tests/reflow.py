"""Reflow (WCAG 1.4.10): nothing on a page may need scrolling sideways at 320 CSS pixels.

axe-core does not check this. ``overloop(page)`` measures the page as the browser laid it
out: the document must be no wider than the window, and no element and no line of text may
stick out past its right edge (or be cut off at its left). The text may wrap, but a button's
word may not be cut in two to make it fit ("Zoek/en"). Each finding names the element,
so a failure says where to look. What a browser hides on purpose is left out: an element
entirely to the left of the window (the skip links wait there until they get the focus) and
what sits inside a box that clips its overflow (the visually hidden labels of screen readers).
"""

import pytest

BREEDTE = 320  # CSS pixels: WCAG 1.4.10's width for content that scrolls vertically
HOOGTE = 640

_METEN = """() => {
  const vw = document.documentElement.clientWidth;
  const clips = (el, zelf) => {
    // A box around the element (or, for text, its own element) that cuts off what sticks
    // out of it. The page itself does not count: hiding overflow there hides the problem.
    for (let up = zelf ? el : el.parentElement; up && up !== document.body && up !== document.documentElement; up = up.parentElement) {
      const s = getComputedStyle(up);
      if (s.overflowX !== "visible" || s.clip !== "auto" || s.clipPath !== "none") { return true; }
    }
    return false;
  };
  const naam = (el) => {
    const klassen = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    const pad = [];
    for (let up = el; up && up !== document.body; up = up.parentElement) {
      pad.unshift(up.localName + (up.id ? "#" + up.id : ""));
    }
    return `${el.localName}${el.id ? "#" + el.id : ""}${klassen} in ${pad.slice(0, -1).slice(-4).join(" > ")}`;
  };
  const tekst = (s) => s.replace(/\\s+/g, " ").trim().slice(0, 50);
  const gevonden = [];
  const kijk = (el, r, wat) => {
    if (r.width === 0 && r.height === 0) { return; }
    if (r.right <= 0) { return; }  // entirely off to the left: hidden on purpose
    if (r.right > vw + 0.5 || r.left < -0.5) {
      gevonden.push(`${wat} ${naam(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} px: "${tekst(el.textContent || "")}"`);
    }
  };
  for (const el of document.body.querySelectorAll("*")) {
    if (!clips(el, false)) { kijk(el, el.getBoundingClientRect(), "element"); }
  }
  const woorden = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = woorden.nextNode(); n; n = woorden.nextNode()) {
    if (!n.textContent.trim() || clips(n.parentElement, true)) { continue; }
    const bereik = document.createRange();
    bereik.selectNodeContents(n);
    for (const r of bereik.getClientRects()) { kijk(n.parentElement, r, "text in"); }
  }
  // A button's word is never cut in two to fit ("Zoek/en"): the line gives way around it.
  for (const knop of document.body.querySelectorAll("button, .knop, .snel-weg__knop")) {
    if (clips(knop, false)) { continue; }
    const teksten = document.createTreeWalker(knop, NodeFilter.SHOW_TEXT);
    for (let n = teksten.nextNode(); n; n = teksten.nextNode()) {
      for (const m of n.textContent.matchAll(/\\S+/g)) {
        const bereik = document.createRange();
        bereik.setStart(n, m.index);
        bereik.setEnd(n, m.index + m[0].length);
        const regels = new Set([...bereik.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (regels.size > 1) {
          gevonden.push(`a word broken across lines in ${naam(knop)}: "${m[0]}"`);
        }
      }
    }
  }
  return {
    breedte: document.documentElement.scrollWidth,
    venster: vw,
    gevonden: [...new Set(gevonden)],
  };
}"""


def overloop(page) -> list[str]:
    """What makes ``page`` scroll sideways, as the browser laid it out (empty when nothing)."""
    meting = page.evaluate(_METEN)
    uit = []
    if meting["breedte"] > meting["venster"]:
        uit.append(f"the page is {meting['breedte']} px wide in a {meting['venster']} px window")
    return uit + meting["gevonden"]


def past(page, wat: str) -> list[str]:
    """The findings of ``overloop`` for the page open now, each prefixed with ``wat``."""
    return [f"{wat}: {regel}" for regel in overloop(page)]


def geen_overloop(bevindingen: list[str], bekeken: int) -> None:
    """Fail with every finding (at most 12 per page, the outermost first)."""
    if bevindingen:
        per_pagina: dict[str, list[str]] = {}
        for regel in bevindingen:
            per_pagina.setdefault(regel.split(": ", 1)[0], []).append(regel)
        lijnen = [regel for regels in per_pagina.values() for regel in regels[:12]]
        pytest.fail(
            f"{len(per_pagina)} of {bekeken} pages do not reflow at {BREEDTE} px:\n"
            + "\n".join(lijnen),
            pytrace=False,
        )
