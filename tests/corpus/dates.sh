# SPDX-License-Identifier: ISC
# The date module against the shared corpus of feedparser's date vectors:
# tests/corpus/dates.py runs tests/tools/datecat over every input and fails
# when the agreement falls below its floor. Skips without the corpus or
# python3.
corpus="$top_srcdir/../shared/corpus/dates.jsonl"
if [ ! -f "$corpus" ]; then
	echo "skip: no date corpus at $corpus"
	exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "skip: no python3"
	exit 77
fi
python3 "$top_srcdir/tests/corpus/dates.py" \
    "$top_builddir/tests/tools/datecat" "$corpus"
exit $?
