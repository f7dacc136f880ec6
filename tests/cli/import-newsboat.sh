# SPDX-License-Identifier: ISC
# --import-newsboat: newsboat's subscriptions go into the urls file (the
# same rules as OPML: duplicates skipped, command and query feeds
# refused), and the settings tidings also has are appended to its config,
# quoted; what has no equivalent is listed; nothing is ever run.
. "$top_srcdir/tests/cli/lib.sh"

nb=$top_srcdir/tests/data/opml/newsboat
urls=$XDG_CONFIG_HOME/tidings/urls
config=$XDG_CONFIG_HOME/tidings/config

# expect_file WANT GOT: GOT holds exactly the bytes of WANT.
expect_file() {
	cmp -s "$1" "$2" || {
		diff -u "$1" "$2" >&2
		fail "$2 differs from $1"
	}
}

run_rc() {
	rc=0
	"$@" >"$T/out" 2>"$T/err" || rc=$?
}

cat >"$T/urls.want" <<'EOF'
https://news.example.org/world/rss.xml news world "~World Desk"
https://example.com/blog/atom.xml tech !
https://planet.example.net/rss20.xml "planet feeds"
file:///var/lib/feeds/local.xml local
EOF
# settings_want DIR: the config lines carried over from DIR/config.
settings_want() {
	echo "# Carried over from newsboat's $1/config"
	cat <<'EOF'
set browser "firefox --new-tab %u"
set reload-concurrency "4"
set refresh-on-start "yes"
set max-articles "200"
set keep-days "90"
set show-read "no"
bind j down
bind k up
bind ^R reload-all
bind Space page-down headlines
bind Enter open feeds
bind x toggle-read
bind A none
set reload-interval "30"
EOF
}
# left_want: the lines of the fixture that are not carried over.
left_want() {
	cat <<'EOF'
Not carried over:
  line 11: notify-program "~/bin/notify" (no equivalent in tidings)
  line 18: bind-key O open-in-browser-and-mark-read (no equivalent in tidings)
  line 20: macro p set browser "mpv %u" ; open-in-browser ; set browser "firefox %u" (no equivalent in tidings)
  line 21: highlight article "^Feed:.*" color6 color0 (no equivalent in tidings)
  line 22: color listfocus black yellow standout bold (no equivalent in tidings)
  line 23: bind-key G end dialogs (no such view in tidings)
  line 24: ignore-article "*" "title =~ \"Sponsored\"" (no equivalent in tidings)
  line 25: html-renderer "w3m -dump -T text/html" (no equivalent in tidings)
  line 26: max-items `echo 50` (runs a command)
EOF
}

# A first import from a named folder, with no urls file yet: no demo.
(cd "$T" && "$TIDINGS" --import-newsboat "$nb") >"$T/out" 2>"$T/err" ||
    fail "import exited $?: $(cat "$T/err")"
expect_file "$T/urls.want" "$urls"
settings_want "$nb" >"$T/config.want"
expect_file "$T/config.want" "$config"
{
	echo "Imported 4 feeds into $urls; refused 3: query:Unread Articles:unread = \"yes\" (a query feed), exec:~/bin/weather-feed.sh (runs a command), filter:~/bin/strip-ads.sh:https://ads.example.net/rss.xml (runs a command)"
	echo "Carried over 14 settings into $config:"
	settings_want "$nb" | sed '1d; s/^/  /'
	left_want
} >"$T/want"
expect_file "$T/want" "$T/out"
printf 'tidings: in %s:\nline 11: a quote is not closed\n' "$nb/urls" \
    >"$T/want"
expect_file "$T/want" "$T/err"
[ "$(stat -c %a "$config")" = 600 ] || fail "config is $(stat -c %a "$config")"
ls "$T" | grep -q pwned && fail "something was run"

# Again: everything is there already, and nothing is written.
cp "$config" "$T/config.before"
cp "$urls" "$T/urls.before"
run_rc "$TIDINGS" --import-newsboat "$nb"
[ "$rc" = 0 ] || fail "second import exited $rc"
expect_grep "Imported 0 feeds into $urls; skipped 4 already subscribed" \
    "$T/out"
expect_grep "  line 2: browser \"firefox --new-tab %u\" (already set in $config)" \
    "$T/out"
grep -q "Carried over" "$T/out" && fail "settings carried over twice"
expect_file "$T/config.before" "$config"
expect_file "$T/urls.before" "$urls"

# A config of the user's own keeps its bytes, and wins over newsboat's.
rm -f "$urls"
printf '# mine\nset browser "lynx"\nbind  j  up\nbind Space first headlines' \
    >"$config"
cp "$config" "$T/config.before"
run_rc "$TIDINGS" --import-newsboat "$nb"
[ "$rc" = 0 ] || fail "import with a config exited $rc"
{
	cat "$T/config.before"
	echo
	settings_want "$nb" | grep -v -e '^set browser' -e '^bind j ' \
	    -e '^bind Space'
} >"$T/want"
expect_file "$T/want" "$config"
expect_grep "Carried over 11 settings into $config:" "$T/out"
expect_grep "  line 12: bind-key j down (already set in $config)" "$T/out"
expect_grep "  line 15: bind-key SPACE pagedown articlelist (already set in $config)" \
    "$T/out"

# The default folders: ~/.newsboat first, then $XDG_CONFIG_HOME/newsboat.
rm -rf "$XDG_CONFIG_HOME/tidings"
run_rc "$TIDINGS" --import-newsboat
[ "$rc" = 1 ] || fail "no newsboat folder: exit $rc, not 1"
expect_grep "tidings: no newsboat urls file in '$HOME/.newsboat' or '$XDG_CONFIG_HOME/newsboat'" \
    "$T/err"
[ -e "$XDG_CONFIG_HOME/tidings" ] && fail "a failed import wrote files"
mkdir -p "$XDG_CONFIG_HOME/newsboat"
cp "$nb/urls" "$nb/config" "$XDG_CONFIG_HOME/newsboat/"
run_rc "$TIDINGS" --import-newsboat
[ "$rc" = 0 ] || fail "import from XDG_CONFIG_HOME exited $rc"
expect_file "$T/urls.want" "$urls"
expect_grep "Carried over from newsboat's $XDG_CONFIG_HOME/newsboat/config" \
    "$config"
rm -rf "$XDG_CONFIG_HOME/tidings"
mkdir "$HOME/.newsboat"
printf 'https://dot.example.org/rss\n' >"$HOME/.newsboat/urls"
run_rc "$TIDINGS" --import-newsboat
[ "$rc" = 0 ] || fail "import from ~/.newsboat exited $rc"
printf 'https://dot.example.org/rss\n' >"$T/want"
expect_file "$T/want" "$urls"
expect_grep "Imported 1 feed into $urls" "$T/out"
[ -e "$config" ] && fail "a folder without a config wrote one"

# A folder without a urls file: exit 1, nothing written.
mkdir "$T/empty"
cp "$nb/config" "$T/empty/"
rm -rf "$XDG_CONFIG_HOME/tidings"
run_rc "$TIDINGS" --import-newsboat "$T/empty"
[ "$rc" = 1 ] || fail "no urls file: exit $rc, not 1"
expect_grep "tidings: no newsboat urls file in '$T/empty'" "$T/err"
[ -e "$XDG_CONFIG_HOME/tidings" ] && fail "a failed import wrote files"

# Values that need a shell, numbers that are not, auto-reload off, keys
# tidings has no name for; -u names the urls file.
mkdir "$T/odd"
echo 'https://odd.example.org/rss' >"$T/odd/urls"
cat >"$T/odd/config" <<'EOF'
browser "w3m %u | less"
reload-time 15
auto-reload no
max-items lots
keep-articles-days -3
bind-key ^? quit
bind-key a quit
unbind-key -a
refresh-on-startup "maybe"
show-read-feeds yes
EOF
run_rc "$TIDINGS" -u "$T/odd-urls" --import-newsboat "$T/odd"
[ "$rc" = 0 ] || fail "odd import exited $rc: $(cat "$T/err")"
printf 'https://odd.example.org/rss\n' >"$T/want"
expect_file "$T/want" "$T/odd-urls"
cat >"$T/want" <<EOF
Imported 1 feed into $T/odd-urls
Carried over 2 settings into $config:
  bind a back
  set show-read "yes"
Not carried over:
  line 1: browser "w3m %u | less" (needs a shell, which tidings never uses)
  line 2: reload-time 15 (auto-reload is off)
  line 4: max-items lots (not a number)
  line 5: keep-articles-days -3 (not a number)
  line 6: bind-key ^? quit (no such key in tidings)
  line 8: unbind-key -a (no such key in tidings)
  line 9: refresh-on-startup "maybe" (not yes or no)
EOF
expect_file "$T/want" "$T/out"
exit 0
