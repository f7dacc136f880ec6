/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target for the config file's commands (config_exec(), the
 * same parser as the ':' prompt): every line of the input is run as one
 * command. Nothing may crash, leak or hang; a line that is wrong gives a
 * reason that is one clean line (well-formed UTF-8 without controls, C1
 * or bidi controls); every setting stays in its range (reload-concurrency
 * 1-64, key-facts-count 0-6, colours -1-255, a date format that is never
 * NULL nor longer than CONFIG_DATE_FORMAT_MAX; no control character in
 * the browser, the save folder or the user agent, which goes into an
 * HTTP header); and what config_get()
 * says of a setting, config_set() takes back unchanged. Lines that would
 * read another file ("include") are left out: the fuzzer must not wander
 * the disk.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config-file.h"
#include "util/strbuf.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a note on stderr, for the crash report. */
static void
fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz-config: %s: %s\n", what, s != NULL ? s : "NULL");
	abort();
}

/* s is clean: no controls (but new lines when text), no C1 or bidi. */
static void
check_clean(const char *what, const char *s, int text)
{
	size_t i = 0, len;
	uint32_t cp;

	if (s == NULL)
		return;
	len = strlen(s);
	if (!utf8_valid(s, len))
		fail("ill-formed UTF-8", what);
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (text && cp == '\n')
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			fail("banned code point", what);
	}
}

/* s is NULL or holds no C0 control nor DEL (any other bytes). */
static void
check_no_controls(const char *what, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			fail("a control character", what);
}

static void
check_ranges(const struct config *c)
{
	size_t i;

	if (c->reload_concurrency < 1 || c->reload_concurrency > 64)
		fail("reload-concurrency out of range", "");
	if (c->key_facts_count < 0 || c->key_facts_count > 6)
		fail("key-facts-count out of range", "");
	if (c->reload_interval < 0 || c->download_timeout < 0 ||
	    c->max_articles < 0 || c->keep_days < 0 || c->sidebar_width < 0)
		fail("a negative number", "");
	if (c->date_format == NULL ||
	    strlen(c->date_format) > CONFIG_DATE_FORMAT_MAX)
		fail("a bad date-format", c->date_format);
	for (i = 0; i < CONFIG_NELEMENTS; i++)
		if (c->colors[i].fg < -1 || c->colors[i].fg > 255 ||
		    c->colors[i].bg < -1 || c->colors[i].bg > 255)
			fail("a colour out of range", "");
	/* a command and a folder are file names: any bytes but controls */
	check_no_controls("browser", c->browser);
	check_no_controls("save-dir", c->save_dir);
	/* an HTTP header: a new line would start another */
	check_no_controls("user-agent", c->user_agent);
}

/* Each setting's value, as config_get() gives it, sets it unchanged. */
static void
check_round_trip(struct config *c)
{
	struct strbuf v = STRBUF_INIT, again = STRBUF_INIT, err = STRBUF_INIT;
	const char *name;
	size_t i;

	for (i = 0; i < config_nsettings(); i++) {
		name = config_setting_name(i);
		strbuf_reset(&v);
		config_get(c, name, &v);
		if (v.len == 0)
			continue;	/* an unset string */
		strbuf_reset(&err);
		if (config_set(c, name, v.buf, &err) == -1)
			fail("a setting's own value is refused", name);
		strbuf_reset(&again);
		config_get(c, name, &again);
		if (strcmp(v.buf, again.buf) != 0)
			fail("a setting changed on being set again", name);
	}
	strbuf_release(&v);
	strbuf_release(&again);
	strbuf_release(&err);
}

/* 1 when line could name "include" (quotes and backslashes aside). */
static int
may_include(const char *line)
{
	static const char word[] = "include";
	size_t k = 0;

	for (; *line != '\0'; line++) {
		if (*line == '\\' || *line == '"')
			continue;
		if ((*line | 0x20) == word[k]) {
			if (word[++k] == '\0')
				return 1;
		} else
			k = (*line | 0x20) == word[0];
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf line = STRBUF_INIT, err = STRBUF_INIT;
	struct config c;
	const char *p = (const char *)data, *end = p + size, *nl;

	config_init(&c);
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		strbuf_reset(&line);
		strbuf_add(&line, p, (size_t)(nl - p));
		if (strlen(line.buf) != line.len || may_include(line.buf))
			continue;	/* a NUL, or another file */
		strbuf_reset(&err);
		if (config_exec(&c, line.buf, &err) == -1) {
			if (err.len == 0)
				fail("a refused line without a reason", line.buf);
			check_clean("error", err.buf, 1);
		}
		check_ranges(&c);
	}
	check_round_trip(&c);
	config_release(&c);
	strbuf_release(&line);
	strbuf_release(&err);
	return 0;
}
