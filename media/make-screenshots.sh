#!/usr/bin/env bash
# Makes the README's screenshots from the real, running reader:
#   media/reader.png   the article list, as it opens on the bundled store data/
#   media/article.png  the Asharq Al-Awsat article (the last row: G, then Enter) in the pager
#   media/table.png    the Glyph & Grid article (the first row) at its table: fitted to the width, CJK and emoji
#   media/links.png    the same article's list of links (L), numbered as in the text
#
# How: the built reader (node dist/cli.js --data data) runs in a detached tmux pane of 100x30 with
# TERM=xterm-256color, CI unset and a private XDG_CONFIG_HOME/XDG_CACHE_HOME, so nothing of yours (read state, index
# cache) shows or changes. Each screen is captured with its colours (`tmux capture-pane -e -p`), turned into an HTML
# terminal window by media/ansi-to-html.mjs (cell grid kept, bold/dim/italic/underline/inverse and 16/256/RGB colours
# honoured, VS Code's Dark+ palette), screenshotted by headless Chromium at 2x, and recompressed losslessly by
# media/repack-png.mjs to stay under about 300 KB each.
#
# Usage: bash media/make-screenshots.sh        (from anywhere; builds dist/ first if it is missing)
# Idempotent: it overwrites the two PNGs and leaves nothing else behind. KEEP=1 keeps the temporary directory
# (captures, HTML, Chromium's log) and prints its path.
#
# Needs (Debian package names): tmux, chromium, fonts-dejavu-core, and node with the repo's dependencies installed
# (npm ci; the converter uses string-width). Optional: fonts-noto-cjk and fonts-noto-color-emoji, so CJK text and
# emoji render if a screen shows any (the two screens made today show neither). CHROMIUM=/path/to/chrome picks
# another browser.
# tmux runs on its own socket (-L shots) so it never touches anyone else's tmux server.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

columns=100
rows=30
session=inkwire-shots
socket=shots
max_bytes=$((300 * 1024))

die() {
	echo "make-screenshots: $*" >&2
	exit 1
}

for tool in tmux node; do
	command -v "$tool" >/dev/null || die "$tool is not installed"
done

chromium=${CHROMIUM:-}
if [[ -z $chromium ]]; then
	for candidate in chromium chromium-browser google-chrome; do
		if command -v "$candidate" >/dev/null; then
			chromium=$candidate
			break
		fi
	done
fi

[[ -n $chromium ]] || die 'no Chromium found (apt-get install chromium, or set CHROMIUM)'
fonts=$(fc-list : family 2>/dev/null || true)
[[ $fonts == *'DejaVu Sans Mono'* ]] || die 'the DejaVu Sans Mono font is missing (apt-get install fonts-dejavu-core)'
[[ $fonts == *'Noto Sans CJK'* ]] || echo 'make-screenshots: warning: no Noto Sans CJK font (fonts-noto-cjk); CJK text would render as boxes' >&2

if [[ ! -f dist/cli.js ]]; then
	npm run build
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/inkwire-shots.XXXXXX")
shots() {
	# Never the default server: other people use tmux on this machine.
	env -u TMUX tmux -L "$socket" "$@"
}

cleanup() {
	shots kill-session -t "=$session:" 2>/dev/null || true
	if [[ ${KEEP:-} == 1 ]]; then
		echo "make-screenshots: kept $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT

# A session left over from an interrupted run would otherwise be reused or clash.
shots kill-session -t "=$session:" 2>/dev/null || true

cat >"$work/tmux.conf" <<'EOF'
set -g status off
set -g remain-on-exit on
EOF

mkdir -p "$work/config" "$work/cache"
reader_command=$(printf '%q ' env -u CI -u NO_COLOR -u FORCE_COLOR -u COLORTERM \
	TERM=xterm-256color XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
	node "$repo/dist/cli.js" --data "$repo/data")
# The server reads our config only when this call starts it; a running one (from another run) has it already.
shots -f "$work/tmux.conf" new-session -d -s "$session" -x "$columns" -y "$rows" -c "$repo" "$reader_command"
shots set-option -t "=$session:" remain-on-exit on >/dev/null
shots set-option -t "=$session:" status off >/dev/null

screen() {
	shots capture-pane -p -t "=$session:" "$@"
}

# Waits until every extended regex given matches some line of the screen, then until the screen stops changing
# (Ink may still be drawing). The last argument names what is awaited, for the error message.
wait_for() {
	local what=${*: -1} patterns=("${@:1:$#-1}") tries=0 text pattern ready
	while :; do
		text=$(screen)
		ready=1
		for pattern in "${patterns[@]}"; do
			grep -Eq -- "$pattern" <<<"$text" || ready=0
		done
		((ready)) && break
		tries=$((tries + 1))
		if ((tries > 100)) || [[ $(shots display-message -p -t "=$session:" '#{pane_dead}') == 1 ]]; then
			echo "make-screenshots: timed out waiting for $what; the screen was:" >&2
			printf '%s\n' "$text" >&2
			exit 1
		fi
		sleep 0.1
	done

	local before after
	before=$(screen -e)
	while sleep 0.3 && after=$(screen -e) && [[ $after != "$before" ]]; do
		before=$after
	done
}

wait_for 'inkwire ·' 'the article list'
screen -e -N >"$work/reader.ans"

shots send-keys -t "=$session:" G
wait_for '❯.*Asharq Al-Awsat' 'the last row (Asharq Al-Awsat) to be highlighted'
shots send-keys -t "=$session:" Enter
# The title is in the list too: wait for the pager's status line as well, and the title on the pager's first row.
wait_for '^ Russia Expands' '^ Asharq Al-Awsat · ' 'lines [0-9]+-[0-9]+ of [0-9]+' 'the Asharq Al-Awsat article to open'
screen -e -N >"$work/article.ans"

shots send-keys -t "=$session:" q
wait_for '❯.*Asharq Al-Awsat' 'the list again'
shots send-keys -t "=$session:" g
wait_for '❯.*Glyph & Grid' 'the first row (Glyph & Grid) to be highlighted'
shots send-keys -t "=$session:" Enter
wait_for '^ Why Your Terminal' 'lines [0-9]+-[0-9]+ of [0-9]+' 'the Glyph & Grid article to open'
# Down to the table, until the whole of it is on the screen (top and bottom borders).
for _ in $(seq 1 60); do
	text=$(screen)
	grep -Eq '^ +┌' <<<"$text" && grep -Eq '^ +└' <<<"$text" && break
	shots send-keys -t "=$session:" j
	sleep 0.05
done
wait_for '┌' '└' 'the table'
screen -e -N >"$work/table.ans"
shots send-keys -t "=$session:" L
wait_for '^Links \(' '❯ \[1\]' 'the list of links'
screen -e -N >"$work/links.ans"

shots send-keys -t "=$session:" q
shots send-keys -t "=$session:" q
shots send-keys -t "=$session:" q

render() {
	local name=$1 size width height
	size=$(node media/ansi-to-html.mjs "$work/$name.ans" "$work/$name.html" \
		--cols "$columns" --rows "$rows" --title "inkwire — ${columns}×${rows}")
	read -r width height <<<"$size"
	mkdir -p "$work/profile-$name"
	# Networking, sync and updates off: the page is a local file and nothing else may be fetched.
	if ! "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$work/profile-$name" --hide-scrollbars --default-background-color=00000000 \
		--force-device-scale-factor=2 --window-size="$width,$height" \
		--screenshot="$work/$name.png" "file://$work/$name.html" >"$work/chromium-$name.log" 2>&1; then
		cat "$work/chromium-$name.log" >&2
		die "Chromium failed on $name"
	fi

	[[ -s $work/$name.png ]] || die "Chromium wrote no $name.png"
	node media/repack-png.mjs "$work/$name.png" >/dev/null
	local bytes
	bytes=$(wc -c <"$work/$name.png")
	((bytes <= max_bytes)) || echo "make-screenshots: warning: $name.png is $bytes bytes (over $max_bytes)" >&2
	mv "$work/$name.png" "media/$name.png"
	echo "media/$name.png: $((width * 2))x$((height * 2)), $bytes bytes"
}

render reader
render article
render table
render links
