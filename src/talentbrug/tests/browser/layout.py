"""What a person sees, checked in the browser: the layout checks of the page tour.

Each check looks at the rendered page, not at the HTML: text drawn one letter per line,
sideways scrolling, controls without a visible name, internal codes on screen, Dutch text on a
page in another language that is not marked as Dutch (WCAG 3.1.2), the ``lang``/``dir`` of the
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
    if (text.split(" ").length >= 4) {
      texts.push({ text: text.slice(0, 200), dutch: inDutch(el), code: !!el.closest("code, pre, kbd, samp") });
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
