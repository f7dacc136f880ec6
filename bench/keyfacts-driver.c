/* SPDX-License-Identifier: ISC */
/*
 * The in-process half of bench/keyfacts.sh: reads articles as records of
 * three NUL-terminated fields (id, headline, plain text), computes the
 * key facts of each with keyfacts_from_doc(), writes one JSON line a
 * record ({"id": ..., "summary": [...]}) to standard output, and prints
 * to standard error the time keyfacts_from_doc() took: the median and
 * the slowest article, and a 100 KB article made of them all, each the
 * best of a few runs (a shared machine stalls now and then).
 * Usage: keyfacts-driver [-t] < records    (-t: pass the headlines on)
 *
 * The text becomes lines with a stand-in for html_render_text() (a
 * LINE_PARA for each run of non-blank lines), so that the benchmark
 * measures the key facts alone.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html.h"
#include "keyfacts.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

#define BIG_BYTES	(100u * 1024)
#define RUNS		5

/* A LINE_PARA for each run of non-blank lines, joined by spaces. */
static void
standin_text(const char *s, size_t len, struct html_doc *doc)
{
	struct strbuf para = STRBUF_INIT;
	size_t i = 0, j, k;

	memset(doc, 0, sizeof(*doc));
	while (i <= len) {
		for (j = i; j < len && s[j] != '\n'; j++)
			;
		for (k = i; k < j && (s[k] == ' ' || s[k] == '\t' ||
		    s[k] == '\r'); k++)
			;
		if (k < j) {
			if (para.len > 0)
				strbuf_addch(&para, ' ');
			strbuf_add(&para, s + i, j - i);
		}
		if ((k == j || j >= len) && para.len > 0) {
			if (doc->nlines == doc->alloc) {
				doc->alloc = doc->alloc ? 2 * doc->alloc : 16;
				doc->lines = xreallocarray(doc->lines,
				    doc->alloc, sizeof(*doc->lines));
			}
			memset(&doc->lines[doc->nlines], 0,
			    sizeof(doc->lines[0]));
			doc->lines[doc->nlines].type = LINE_PARA;
			doc->lines[doc->nlines].text = strbuf_detach(&para,
			    NULL);
			doc->nlines++;
		}
		i = j + 1;
	}
	strbuf_release(&para);
}

static void
standin_release(struct html_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->nlines; i++)
		free(doc->lines[i].text);
	free(doc->lines);
	memset(doc, 0, sizeof(*doc));
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Print s as a JSON string. */
static void
json_string(const char *s)
{
	putchar('"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

/*
 * The least time keyfacts_from_doc() took on the text in RUNS runs; the
 * facts of the last are left in kf.
 */
static double
timed(const char *text, size_t len, const char *title, struct keyfacts *kf)
{
	struct html_doc doc;
	double t0, t, best = -1;
	int i;

	standin_text(text, len, &doc);
	for (i = 0; i < RUNS; i++) {
		if (i > 0)
			keyfacts_release(kf);
		t0 = now_ms();
		keyfacts_from_doc(&doc, title, kf);
		t = now_ms() - t0;
		if (best < 0 || t < best)
			best = t;
	}
	standin_release(&doc);
	return best;
}

int
main(int argc, char **argv)
{
	struct strbuf in = STRBUF_INIT, big = STRBUF_INIT;
	struct keyfacts kf;
	char buf[65536];
	size_t n, pos = 0, i, count = 0, alloc = 0;
	double *ms = NULL, t;
	int titles = argc > 1 && strcmp(argv[1], "-t") == 0;

	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		strbuf_add(&in, buf, n);
	while (pos < in.len) {
		const char *id = in.buf + pos;
		const char *title = id + strlen(id) + 1;
		const char *text = title + strlen(title) + 1;
		size_t len = strlen(text);

		pos = (size_t)(text - in.buf) + len + 1;
		if (pos > in.len + 1)
			break;
		t = timed(text, len, titles && title[0] ? title : NULL, &kf);
		if (count == alloc) {
			alloc = alloc ? 2 * alloc : 256;
			ms = xreallocarray(ms, alloc, sizeof(*ms));
		}
		ms[count++] = t;
		printf("{\"id\": ");
		json_string(id);
		printf(", \"summary\": [");
		for (i = 0; i < kf.n; i++) {
			if (i > 0)
				printf(", ");
			json_string(kf.facts[i]);
		}
		printf("]}\n");
		keyfacts_release(&kf);
		if (big.len < BIG_BYTES) {
			strbuf_add(&big, text, len);
			strbuf_addstr(&big, "\n\n");
		}
	}
	if (count == 0) {
		fprintf(stderr, "keyfacts-driver: no articles\n");
		return 1;
	}
	qsort(ms, count, sizeof(*ms), cmp_double);
	strbuf_setlen(&big, big.len < BIG_BYTES ? big.len : BIG_BYTES);
	t = timed(big.buf, big.len, NULL, &kf);
	keyfacts_release(&kf);
	fprintf(stderr, "keyfacts: %zu articles, median %.3f ms, slowest "
	    "%.3f ms an article; a %zu KB article %.3f ms (best of %d "
	    "runs each)\n", count, ms[count / 2], ms[count - 1],
	    big.len / 1024, t, RUNS);
	free(ms);
	strbuf_release(&in);
	strbuf_release(&big);
	return 0;
}
