/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for OPML import (subs_opml_read()): whatever the
 * bytes, it must neither crash, leak nor hang, read no file and open no
 * connection (the parser is told neither, and an external entity loader
 * that fails the run stands guard); every feed it finds has a URL that
 * subs_check_url() accepts, never a command, and its URL, title and tags
 * are clean single lines (well-formed UTF-8 without controls, C1 or bidi
 * controls); what it refuses is named cleanly too; a document it cannot
 * read leaves the import as it was, with a reason. What was found
 * then goes out through subs_opml_write() and must read back as the same
 * feeds.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "subs.h"
#include "util/strbuf.h"
#include "util/utf8.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a note on stderr, for the crash report. */
static void
fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz-opml: %s: %s\n", what, s != NULL ? s : "NULL");
	abort();
}

/* Any external entity or DTD the parser asks for is a finding. */
static xmlParserInputPtr
no_loading(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	(void)ctxt;
	fail("an external resource was asked for", url);
	return NULL;
}

/* s is one clean line: no controls at all, no C1 or bidi controls. */
static void
check_line(const char *what, const char *s)
{
	size_t i = 0, len;
	uint32_t cp;

	if (s == NULL)
		fail("NULL string", what);
	len = strlen(s);
	if (!utf8_valid(s, len))
		fail("ill-formed UTF-8", what);
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			fail("banned code point", what);
	}
}

static void
check_import(const struct subs_import *imp)
{
	const struct sub *s;
	size_t i, j;

	for (i = 0; i < imp->found.n; i++) {
		s = &imp->found.v[i];
		check_line("url", s->url);
		if (subs_check_url(s->url) != SUBS_OK)
			fail("a URL that is no feed's was imported", s->url);
		if (strchr(s->url, ' ') != NULL)
			fail("a URL with a space was imported", s->url);
		if (s->title != NULL)
			check_line("title", s->title);
		for (j = 0; j < s->ntags; j++)
			check_line("tag", s->tags[j]);
	}
	for (i = 0; i < imp->nrefused; i++) {
		check_line("refused", imp->refused[i].what);
		if (imp->refused[i].why == SUBS_OK)
			fail("refused for no reason", imp->refused[i].what);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct subs_import imp = SUBS_IMPORT_INIT, back = SUBS_IMPORT_INIT;
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;
	size_t i;

	/* set again each time: the module may install its own */
	xmlSetExternalEntityLoader(no_loading);
	if (subs_opml_read(&imp, (const char *)data, size, "fuzz.opml",
	    &err) == -1) {
		if (err.len == 0)
			fail("no import and no reason", "err");
		/*
		 * Not checked clean: subs-opml.c adds libxml2's message as
		 * it is, new lines and quoted document text (bidi controls
		 * and all) included; its callers clean it before it is
		 * shown (reported).
		 */
		if (imp.found.n != 0 || imp.nrefused != 0)
			fail("a failed import changed the import", "imp");
		goto out;
	}
	check_import(&imp);
	/* out as OPML and back in: the same feeds, in the same order */
	subs_opml_write(&imp.found, 0, &out);
	strbuf_reset(&err);
	if (subs_opml_read(&back, out.buf, out.len, "written.opml",
	    &err) == -1)
		fail("what subs_opml_write() wrote does not read", err.buf);
	if (back.found.n != imp.found.n)
		fail("the written OPML has other feeds", out.buf);
	for (i = 0; i < imp.found.n; i++)
		if (strcmp(back.found.v[i].url, imp.found.v[i].url) != 0)
			fail("the written OPML changed a URL",
			    imp.found.v[i].url);
out:
	subs_import_release(&imp);
	subs_import_release(&back);
	strbuf_release(&err);
	strbuf_release(&out);
	return 0;
}
