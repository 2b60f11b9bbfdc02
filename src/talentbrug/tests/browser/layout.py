"""What a person sees, checked in the browser: the layout checks of the page tour.

Each check looks at the rendered page, not at the HTML: text drawn one letter per line,
sideways scrolling, controls without a visible name, internal codes on screen, Dutch text on a
page in another language that is not marked as Dutch (WCAG 3.1.2; names and a person's own
words, marked ``translate="no"``/``data-name``/``data-user-text``, are not ours to translate), the ``lang``/``dir`` of the
page, and a height budget for candidate forms on a phone. ``check_page`` returns the failures
as sentences; the page tour (``make tour``) writes them into its gallery and the layout tests
(``test_layout.py``, part of ``make test``) fail on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

RTL_LANGUAGES = frozenset({"ar", "fa"})
CANDIDATE_LANGUAGES = ("nl", "en", "ar", "ti", "tr", "fa")
STAFF_LANGUAGES = ("nl", "en")
PHONE = (360, 800)
DESKTOP = (1280, 900)
# A step of a candidate form fits in three phone screens.
PHONE_SCREENS_PER_STEP = 3

_MEASURE = r"""
() => {
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION", "TEXTAREA"]);
  const visible = (el) => {
    if (!el || !el.getClientRects().length) return false;
    // Content of a closed <details> has boxes but is not drawn.
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) return false;
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none";
  };
  const hiddenByClip = (el) => {
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      const r = node.getBoundingClientRect();
      if (r.width <= 2 || r.height <= 2) return true;
    }
    return false;
  };
  const inDutch = (el) => {
    // Marked as Dutch inside the page (the <html> element holds the page's own language).
    const marked = el.closest("body [lang]");
    return marked ? marked.getAttribute("lang").toLowerCase().startsWith("nl") : false;
  };
  // A person's or organisation's name, or text a person wrote themselves (their profile,
  // a woordmerk): not a string of ours, so never "untranslated". Marked in the templates with
  // translate="no" (names) or data-user-text (their own words, language unknown).
  const SHORT_TEXT = "button, a[href], summary, label, legend, h1, h2, h3, h4, th, caption";
  const notOurs = (el) => !!el.closest('[translate="no"], [data-name], [data-user-text]');
  const vertical = [];
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let node;
  while ((node = walker.nextNode())) {
    const text = node.textContent.replace(/\s+/g, " ").trim();
    const el = node.parentElement;
    if (!text || !el || SKIP.has(el.tagName) || !visible(el)) continue;
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    if (!rect.width || hiddenByClip(el)) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize) || 16;
    const line = parseFloat(style.lineHeight) || size * 1.2;
    // Narrower than about four characters of its font while it needs more than three lines:
    // the text is drawn (nearly) one letter per line.
    if (text.length > 4 && rect.width < 2 * size && rect.height > 3 * line) {
      vertical.push(text.slice(0, 40));
    }
    // Sentences of four words or more, and the shorter words of controls and headings
    // ("Bekijk de vraag" on a button): a person must be able to read what a button does.
    const words = text.split(" ").length;
    if (words >= 4 || (words >= 2 && /\p{L}{2}/u.test(text) && el.closest(SHORT_TEXT))) {
      texts.push({ text: text.slice(0, 200), dutch: inDutch(el) || notOurs(el), code: !!el.closest("code, pre, kbd, samp") });
    }
  }
  for (const el of document.querySelectorAll("input[type=submit], input[type=button]")) {
    const text = (el.value || "").replace(/\s+/g, " ").trim();
    if (text.split(" ").length >= 2 && visible(el)) {
      texts.push({ text: text.slice(0, 200), dutch: inDutch(el) || notOurs(el), code: false });
    }
  }
  const unnamed = [];
  for (const el of document.querySelectorAll("a[href], button, input[type=submit], input[type=button], summary")) {
    if (!visible(el) || hiddenByClip(el)) continue;
    const img = el.querySelector("img[alt]");
    const name = (el.innerText || el.value || el.getAttribute("aria-label") || (img && img.alt) || "").trim();
    if (!name) unnamed.push(el.outerHTML.slice(0, 80));
  }
  const html = document.documentElement;
  return {
    fragment: !document.querySelector("body > main, body main#main"),
    lang: html.getAttribute("lang"),
    dir: html.getAttribute("dir"),
    overflow: html.scrollWidth - html.clientWidth,
    height: html.scrollHeight,
    vertical,
    unnamed,
    texts,
    visibleText: document.body.innerText,
  };
}
"""

# Internal codes: snake_case identifiers (``work_sample``) and dotted rule ids
# (``missing.apply_routes``) are never words a person should read.
_CODE_PATTERN = r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-z]+\.[a-z]+_[a-z_]+\b"


@dataclass
class PageResult:
    """One page in one language at one size, with what is wrong with it."""

    url: str
    language: str
    size: tuple[int, int]
    height: int = 0
    failures: list[str] = field(default_factory=list)
    texts: list[dict[str, Any]] = field(default_factory=list)


def measure(page: Any, url: str, language: str, size: tuple[int, int]) -> PageResult:
    """Measure the page that is open in ``page`` (already at ``size``) and judge it."""
    import re

    data = page.evaluate(_MEASURE)
    result = PageResult(url=url, language=language, size=size, height=data["height"])
    fail = result.failures.append
    if data["fragment"]:
        # A piece of a page (htmx): it is judged inside the page that loads it.
        result.texts = []
        return result
    if data["lang"] != language:
        fail(f"lang is {data['lang']!r}, expected {language!r}")
    expected_dir = "rtl" if language in RTL_LANGUAGES else "ltr"
    if data["dir"] != expected_dir:
        fail(f"dir is {data['dir']!r}, expected {expected_dir!r}")
    if data["overflow"] > 0:
        fail(f"scrolls {data['overflow']} px sideways at {size[0]} px")
    for text in data["vertical"][:5]:
        fail(f"text drawn one letter per line: {text!r}")
    for html in data["unnamed"][:5]:
        fail(f"control without a visible name: {html}")
    codes = sorted(set(re.findall(_CODE_PATTERN, data["visibleText"])))
    if codes:
        fail(f"internal codes on screen: {', '.join(codes[:8])}")
    result.texts = [t for t in data["texts"] if not t["dutch"] and not t["code"]]
    return result


def untranslated(result: PageResult, dutch: PageResult) -> list[str]:
    """Sentences shown the same on the Dutch page and on this page in another language, and not
    marked as Dutch (``lang="nl"``): untranslated text, or Dutch content without its language."""
    if result.language == "nl":
        return []
    dutch_texts = {t["text"] for t in dutch.texts}
    return sorted({t["text"] for t in result.texts if t["text"] in dutch_texts})


def judge_height(result: PageResult, page: Any) -> None:
    """Candidate forms on a phone: each step fits in three phone screens. A form in steps
    (``data-steps``, applications.js) is walked with its "Volgende" buttons."""
    if result.size != PHONE:
        return
    budget = PHONE_SCREENS_PER_STEP * PHONE[1]
    heights = [result.height]
    for _ in range(12):
        following = page.locator("[data-step-next]:visible")
        if not following.count():
            break
        following.first.click()
        page.wait_for_function(
            "() => !document.activeElement || document.activeElement.matches('[data-step]')"
        )
        heights.append(page.evaluate("() => document.documentElement.scrollHeight"))
    for step, height in enumerate(heights, start=1):
        if height > budget:
            result.failures.append(
                f"step {step} of {len(heights)} is {height} px tall on a phone: more than "
                f"{PHONE_SCREENS_PER_STEP} screens ({budget} px)"
            )


def open_page(page: Any, base: str, url: str, language: str, size: tuple[int, int]) -> Any:
    """Open ``url`` in ``language`` (the language cookie, as the switcher sets it) at ``size``."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    response = page.goto(base + url)
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")
    return response


# --- Focus visibility (WCAG 2.4.7 / 2.4.11) ----------------------------------------------------
#
# Tab through the page as a keyboard user does; every element that gets focus must show an
# indicator: an outline or a box shadow whose colour has a contrast of at least 3 : 1 against
# the background it is drawn on (the parent's background for an outline outside the element,
# the element's own for an inset one). The browser's own ring (``outline-style: auto``, two
# colours in Chromium) counts as visible.
MIN_FOCUS_CONTRAST = 3.0
FOCUS_STOPS = 40

_FOCUS_START = r"""
() => {
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  window.scrollTo(0, 0);
  window.__tbFocusLast = document.activeElement;
  window.__tbFocusFirst = null;
}
"""

_FOCUS_JUDGE = r"""
() => {
  const el = document.activeElement;
  const same = el === window.__tbFocusLast;
  window.__tbFocusLast = el;
  if (!el || el === document.body || el === document.documentElement) return { done: true };
  if (same) return { skip: true };  // Tab moved between the parts of a date or time field
  if (window.__tbFocusFirst === el) return { done: true };
  if (!window.__tbFocusFirst) window.__tbFocusFirst = el;
  const rect = el.getBoundingClientRect();
  if (!rect.width || !rect.height) return { skip: true };
  const parse = (text) => {
    const m = /rgba?\(([^)]+)\)/.exec(text || "");
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const background = (node) => {
    for (let n = node; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const style = getComputedStyle(el);
  const behind = background(el.parentElement);
  const own = background(el);
  let best = 0;
  let auto = false;
  const width = parseFloat(style.outlineWidth) || 0;
  if (style.outlineStyle === "auto") auto = true;
  else if (style.outlineStyle !== "none" && width >= 1) {
    const c = parse(style.outlineColor);
    if (c && c.a > 0.5) best = Math.max(best, ratio(c, (parseFloat(style.outlineOffset) || 0) < 0 ? own : behind));
  }
  if (style.boxShadow && style.boxShadow !== "none") {
    for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
      const c = parse(shadow);
      if (c && c.a > 0.5) best = Math.max(best, ratio(c, /inset/.test(shadow) ? own : behind));
    }
  }
  const name = (el.innerText || el.value || el.getAttribute("aria-label") || el.getAttribute("name") || "").trim().replace(/\s+/g, " ").slice(0, 40);
  const tag = el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).slice(0, 2).join(".") : "");
  return { ok: auto || best >= MIN, contrast: Math.round(best * 10) / 10, what: `${tag} ${JSON.stringify(name)}` };
}
""".replace("MIN", str(MIN_FOCUS_CONTRAST))


# Focus moved on, stays in a date or time field (Tab walks its day, month and year parts), or
# stays on the body (nothing to focus: an htmx fragment, judged inside the page that loads it).
_FOCUS_MOVED = r"""
() => document.activeElement !== window.__tbFocusLast
  || !document.activeElement || document.activeElement === document.body
  || /^(date|time|datetime-local|month|week)$/.test(document.activeElement.type || "")
"""


def focus_failures(page: Any, stops: int = FOCUS_STOPS) -> list[str]:
    """Tab through the open page; a sentence for each focused element without a visible focus
    indicator (outline or box shadow with contrast >= 3 : 1 against what it is drawn on)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.evaluate(_FOCUS_START)
    found: list[str] = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        try:
            page.wait_for_function(_FOCUS_MOVED, timeout=3000)
        except PlaywrightTimeout:
            found.append("focus does not move on with Tab")
            break
        info = page.evaluate(_FOCUS_JUDGE)
        if info.get("done"):
            break
        if info.get("skip") or info.get("ok"):
            continue
        found.append(
            f"no visible focus indicator on {info['what']} (contrast {info['contrast']} : 1, "
            f"needs {MIN_FOCUS_CONTRAST:g} : 1)"
        )
    # Leave the page as a person finds it: the screenshot taken next must not show a skip link
    # or a focus ring left over from the walk.
    page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    return found


# Hover: every kind of link and button (one of each look: tag, classes and the background it
# sits on), hovered with the mouse, must keep its text readable: contrast >= 4.5 : 1 between the
# text and what it is drawn on (3 : 1 for large text: >= 24 px, or >= 18.66 px bold). axe judges
# the resting state only.
MIN_HOVER_CONTRAST = 4.5
HOVER_KINDS = 25

_HOVER_PICK = r"""
(limit) => {
  const background = (node) => {
    for (let n = node; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      const m = /rgba?\(([^)]+)\)/.exec(c || "");
      if (m) {
        const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
        if ((p.length > 3 ? p[3] : 1) > 0.5) return c;
      }
    }
    return "white";
  };
  const seen = new Set();
  let n = 0;
  for (const el of document.querySelectorAll("a[href], button, input[type=submit], summary")) {
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!rect.width || !rect.height || style.visibility === "hidden" || !el.innerText && !el.value) continue;
    // WCAG 1.4.3 exempts inactive controls: a disabled button may be faint.
    if (el.disabled || el.getAttribute("aria-disabled") === "true") continue;
    const key = el.tagName + "|" + (typeof el.className === "string" ? el.className : "") + "|" + background(el.parentElement);
    if (seen.has(key)) continue;
    seen.add(key);
    el.setAttribute("data-tb-hover", String(n));
    n += 1;
    if (n >= limit) break;
  }
  return n;
}
"""

_HOVER_JUDGE = r"""
async (el) => {
  await Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => null)));
  const parse = (text) => {
    const m = /rgba?\(([^)]+)\)/.exec(text || "");
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const background = (node) => {
    for (let n = node; n; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.backgroundImage && s.backgroundImage !== "none") return null;  // a picture: not judged
      const c = parse(s.backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  // The text itself may sit in a child (a <span> inside the link): judge the first text.
  let textEl = el;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (node.textContent.trim()) { textEl = node.parentElement; break; }
  }
  const style = getComputedStyle(textEl);
  const color = parse(style.color);
  const behind = background(textEl);
  if (!color || !behind || color.a < 0.5) return { skip: true };
  const size = parseFloat(style.fontSize) || 16;
  const bold = (parseInt(style.fontWeight, 10) || 400) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  const need = large ? 3 : MIN;
  const contrast = ratio(color, behind);
  const name = (el.innerText || el.value || "").trim().replace(/\s+/g, " ").slice(0, 40);
  return { ok: contrast >= need, contrast: Math.round(contrast * 10) / 10, need, what: `${el.tagName.toLowerCase()} ${JSON.stringify(name)}` };
}
""".replace("MIN", str(MIN_HOVER_CONTRAST))


def hover_failures(page: Any, kinds: int = HOVER_KINDS) -> list[str]:
    """Hover one link or button of each look on the open page; a sentence for each whose text
    falls under the WCAG contrast minimum while the mouse is on it."""
    from playwright.sync_api import Error as PlaywrightError

    found: list[str] = []
    count = page.evaluate(_HOVER_PICK, kinds)
    for index in range(count):
        target = page.locator(f'[data-tb-hover="{index}"]')
        try:
            # trial=False, no force: a control covered by something else is not hovered.
            target.hover(timeout=3000)
        except PlaywrightError:
            continue
        info = target.evaluate(_HOVER_JUDGE)
        if info.get("skip") or info.get("ok"):
            continue
        found.append(
            f"text unreadable on hover: {info['what']} (contrast {info['contrast']} : 1, "
            f"needs {info['need']:g} : 1)"
        )
    page.mouse.move(0, 0)
    page.evaluate(
        "document.querySelectorAll('[data-tb-hover]')"
        ".forEach((el) => el.removeAttribute('data-tb-hover'))"
    )
    return found
