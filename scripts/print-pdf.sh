# Sourced by scripts/make-pdftext.sh and scripts/make-pdf-fixtures.sh (not run by itself):
# `print_pdf PAGE.html OUT.pdf` prints a page to PDF with headless Chromium, in a fresh
# profile, without Chromium's own header and footer (date, file URL); fails loudly, with
# Chromium's log, when no PDF comes out. The caller sets `work` (a temporary directory).
# The style every office page is printed with: A4 (Chinese reports are A4) and h2 not bold
# (the CJK font has no bold face; Chromium's synthesised bold doubled each PDF's size).
PRINT_STYLE='@page { size: A4; margin: 20mm } h2 { font-weight: normal }'

command -v chromium >/dev/null || { echo "chromium not found (bash scripts/setup-web.sh)" >&2; exit 1; }

print_pdf() {
    local profile
    profile="$(mktemp -d "$work/profile.XXXX")"
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --no-first-run --user-data-dir="$profile" --no-pdf-header-footer \
        --print-to-pdf="$2" "file://$1" >"$work/chromium.log" 2>&1 || {
        cat "$work/chromium.log" >&2
        exit 1
    }
    [ -s "$2" ] || { echo "$2: Chromium wrote no PDF" >&2; cat "$work/chromium.log" >&2; exit 1; }
}

# `with_style HTML STYLE OUT`: a copy of the page with STYLE added before </head>.
with_style() {
    sed "s#</head>#<style>$2</style>\n</head>#" "$1" >"$3"
    grep -q '@page' "$3" || { echo "$1: no </head> to add the print style to" >&2; exit 1; }
}
