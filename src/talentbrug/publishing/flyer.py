"""Printable flyers: an A4 PDF (weasyprint) and an HTML print view with a QR code (segno)."""

from __future__ import annotations

import segno

QR_SCALE = 10
QR_BORDER = 4


def qr_code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


def qr_png_data_uri(url: str) -> str:
    return qr_code(url).png_data_uri(scale=QR_SCALE, border=QR_BORDER)


def qr_svg_data_uri(url: str) -> str:
    return qr_code(url).svg_data_uri(scale=QR_SCALE, border=QR_BORDER)


def render_pdf(html: str, base_url: str) -> bytes:
    """HTML to an A4 PDF. The HTML is self-contained (inline CSS, data: images): no fetching."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=["data"])  # data: images only, never the network
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()  # type: ignore[no-any-return]
