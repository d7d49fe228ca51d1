#!/usr/bin/env bash
# Prints each seed's web page (tests/fixtures/office/NNN.html) to PDF with headless Chromium,
# and extracts the PDF's text with poppler's pdftotext, in both of its modes:
#
#   tests/corpus/pdf/NNN.pdf             the page printed (A4)
#   tests/corpus/pdf/NNN-borderless.pdf  the page printed with its tables' borders taken away
#   tests/corpus/pdftext/NNN-layout.txt  pdftotext -layout (columns kept by spaces)
#   tests/corpus/pdftext/NNN-raw.txt     pdftotext -raw (content-stream order)
#
# The outputs are committed; the tests read them but never run this script (neither Chromium
# nor poppler is a dependency of the product). Run it again after the fixtures change:
#
#   bash scripts/make-pdftext.sh
#
# Needs: chromium (scripts/setup-web.sh installs it), pdftotext (apt-get install poppler-utils),
# a CJK font (fonts-wqy-zenhei). The page is printed from a copy with one style added:
# `@page { size: A4 }` (Chinese reports are A4) and `h2 { font-weight: normal }` — the CJK
# font has no bold face, and Chromium draws synthesised bold as one Type 3 outline font per
# few glyphs, which doubled each PDF's size. The text is the same either way. Chromium's own
# header and footer (date, file URL) are left out (--no-pdf-header-footer).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/tests/fixtures/office"
pdf_dir="$root/tests/corpus/pdf"
txt_dir="$root/tests/corpus/pdftext"

command -v pdftotext >/dev/null || { echo "pdftotext not found (apt-get install poppler-utils)" >&2; exit 1; }

mkdir -p "$pdf_dir" "$txt_dir"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=scripts/print-pdf.sh
. "$root/scripts/print-pdf.sh"

for n in 000 001 002 003 004; do
    with_style "$src/$n.html" "$PRINT_STYLE" "$work/$n.html"
    print_pdf "$work/$n.html" "$pdf_dir/$n.pdf"
    # The same page with its tables' borders taken away: a table without ruling lines.
    with_style "$src/$n.html" "$PRINT_STYLE table, td, th { border: none !important }" "$work/$n-borderless.html"
    print_pdf "$work/$n-borderless.html" "$pdf_dir/$n-borderless.pdf"
    pdftotext -enc UTF-8 -layout "$pdf_dir/$n.pdf" "$txt_dir/$n-layout.txt"
    pdftotext -enc UTF-8 -raw "$pdf_dir/$n.pdf" "$txt_dir/$n-raw.txt"
    echo "$n: $(stat -c %s "$pdf_dir/$n.pdf") bytes, $(pdfinfo "$pdf_dir/$n.pdf" | awk '/^Pages:/ {print $2}') pages"
done
