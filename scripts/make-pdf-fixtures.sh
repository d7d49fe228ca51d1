#!/usr/bin/env bash
# Prints the PDF fixtures of tests/fixtures/pdf/ with headless Chromium:
#
#   row-cut.pdf       row-cut.html: a ruled table whose tall third row the page break cuts
#                     (Chromium splits a row that does not fit: its part on page 1 has no
#                     bottom rule, its part on page 2 no top rule)
#   narrow-label.pdf  narrow-label.html: a label cell one character wide, its text one
#                     character a line (how WPS writes table 3's "三、本年度办理结果")
#   001-2019.pdf      tests/fixtures/office/001.html with every "2020" made "2019": last
#                     year's report of the same agency, for the pair JSON
#   001-borderless-tight.pdf, 001-borderless-top.pdf
#                     tests/fixtures/office/001.html without table borders and without cell
#                     padding, numbers right-aligned and vertically centred (tight), or
#                     centred at the top of their cells (top): tables without ruling lines
#                     laid out otherwise than tests/corpus/pdf/001-borderless.pdf
#
# The outputs are committed; the tests read them but never run this script. Needs chromium
# (scripts/setup-web.sh) and a CJK font (fonts-wqy-zenhei). As in scripts/make-pdftext.sh,
# the office page gets `@page { size: A4; margin: 20mm } h2 { font-weight: normal }`.
# Chromium stamps the creation date into each PDF: running it again changes the bytes,
# not the text.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/tests/fixtures/pdf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=scripts/print-pdf.sh
. "$root/scripts/print-pdf.sh"

print() { # print HTML PDF
    print_pdf "$1" "$2"
    echo "$(basename "$2"): $(stat -c %s "$2") bytes"
}

print "$dir/row-cut.html" "$dir/row-cut.pdf"
print "$dir/narrow-label.html" "$dir/narrow-label.pdf"

sed 's#2020#2019#g' "$root/tests/fixtures/office/001.html" >"$work/001-2020.html"
with_style "$work/001-2020.html" "$PRINT_STYLE" "$work/001-2019.html"
print "$work/001-2019.html" "$dir/001-2019.pdf"

nb='table, td, th { border: none !important } td, th { padding: 0 !important'
with_style "$root/tests/fixtures/office/001.html" \
    "$PRINT_STYLE $nb; text-align: right !important; vertical-align: middle !important }" \
    "$work/001-borderless-tight.html"
print "$work/001-borderless-tight.html" "$dir/001-borderless-tight.pdf"
with_style "$root/tests/fixtures/office/001.html" \
    "$PRINT_STYLE $nb; text-align: center !important; vertical-align: top !important }" \
    "$work/001-borderless-top.html"
print "$work/001-borderless-top.html" "$dir/001-borderless-top.pdf"
