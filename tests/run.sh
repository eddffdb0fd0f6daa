#!/bin/sh
# Install everything the tests need and run the whole suite: the one test command of README.md.
# Browser tests drive Debian's headless Chromium; the server tests start the `oxigraph` server
# that the test extra installs from PyPI. The readers of HTML, Word and PDF files (lxml,
# python-docx, pdfplumber) are runtime dependencies; Pillow (the test extra) draws the scanned-PDF
# fixture. Extra arguments go to pytest.
set -eu
cd "$(dirname "$0")/.."
# the PDF fixture is printed from a Chinese page: Chromium needs a CJK font for its text layer
if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi
python -m pip install -q -e '.[test]'
exec python -m pytest "$@"
