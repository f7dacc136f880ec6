# SPDX-License-Identifier: ISC
# tools/checksrc.sh passes on the tree, and still catches what it is for.
. "$top_srcdir/tests/cli/lib.sh"

sh "$top_srcdir/tools/checksrc.sh" "$top_srcdir" || fail "checksrc found problems"

# Plant one violation of each kind in a copy and expect each reported.
mkdir -p "$T/tree"
cp -R "$top_srcdir/src" "$top_srcdir/po" "$T/tree/"
cat >"$T/tree/src/parse-planted.c" <<'C'
/* SPDX-License-Identifier: ISC */
#include "ui/ui.h"
#include <curl/curl.h>
#include "model.h"
static int f(char *b) { strcpy(b, "x"); return atoi(b); } // note
static const char *g(void) { return _("x"); }
C
printf '/* no licence line */\n#include <mxml.h>\n' >"$T/tree/src/util/x.c"
rc=0
sh "$top_srcdir/tools/checksrc.sh" "$T/tree" >"$T/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "checksrc exited $rc on a bad tree"
for want in "banned function: strcpy" "libcurl outside" \
    "includes 'ui/ui.h'" "includes 'model.h'" "// comment" \
    "src/parse-planted.c uses _() but is not in po/POTFILES.in" \
    "<mxml.h> outside the store" "x.c: no SPDX"; do
	expect_grep "$want" "$T/out"
done
exit 0
