/* SPDX-License-Identifier: ISC */
/*
 * config: every setting (its default, good values, bounds, bad values and
 * their messages), words and quoting, comments, bind, unbind, color,
 * include (relative, "~/", depth, cycles), every error, and that a load
 * goes on after an error with the right line numbers. The fixtures are
 * in tests/data/config: "valid" uses every command, "broken" has one
 * error of each kind, and "broken.expect" is what loading it reports.
 */
#include "config.h"
#include "config-file.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "keys.h"
#include "util/fileio.h"
#include "util/xmalloc.h"

#define STRING_SIZE	4096	/* the longest string value */

static char tmpdir[] = "/tmp/tidings-test-config.XXXXXX";
static int cwd_fd = -1;

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path);
}

static int
setup(void **state)
{
	(void)state;
	keys_reset();
	setenv("HOME", "/home/reader", 1);
	cwd_fd = open(".", O_RDONLY | O_DIRECTORY);
	return cwd_fd < 0 || mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	if (fchdir(cwd_fd) == -1)
		return -1;
	close(cwd_fd);
	nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	memcpy(tmpdir + strlen(tmpdir) - 6, "XXXXXX", 6);
	return 0;
}

/* Write text to the file name in the temporary folder. */
static void
write_tmp(const char *name, const char *text)
{
	struct strbuf err = STRBUF_INIT;
	char *path = xasprintf("%s/%s", tmpdir, name);

	if (file_replace(path, text, strlen(text), &err) == -1)
		fail_msg("%s", err.buf);
	free(path);
	strbuf_release(&err);
}

/* Go to tests/data/config. */
static void
chdir_fixtures(void)
{
	const char *top = getenv("top_srcdir");
	char *dir = xasprintf("%s/tests/data/config", top ? top : ".");

	assert_int_equal(chdir(dir), 0);
	free(dir);
}

static void
assert_get(const struct config *c, const char *name, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	config_get(c, name, &sb);
	if (strcmp(sb.buf, want) != 0)
		fail_msg("%s is '%s', not '%s'", name, sb.buf, want);
	strbuf_release(&sb);
}

static void
set_ok(struct config *c, const char *name, const char *value,
    const char *want)
{
	struct strbuf err = STRBUF_INIT;

	if (config_set(c, name, value, &err) != 0)
		fail_msg("set %s '%s': %s", name, value, err.buf);
	assert_int_equal(err.len, 0);
	assert_get(c, name, want);
	strbuf_release(&err);
}

/*
 * Setting name to value fails with message (any when NULL), and leaves
 * the value as it was.
 */
static void
set_bad(struct config *c, const char *name, const char *value,
    const char *message)
{
	struct strbuf err = STRBUF_INIT, before = STRBUF_INIT;

	config_get(c, name, &before);
	if (config_set(c, name, value, &err) != -1)
		fail_msg("set %s '%s' worked", name, value);
	if (message != NULL)
		assert_string_equal(err.buf, message);
	else
		assert_int_not_equal(err.len, 0);
	assert_get(c, name, before.buf);
	strbuf_release(&err);
	strbuf_release(&before);
}

static void
exec_ok(struct config *c, const char *line)
{
	struct strbuf err = STRBUF_INIT;

	if (config_exec(c, line, &err) != 0)
		fail_msg("'%s': %s", line, err.buf);
	assert_int_equal(err.len, 0);
	strbuf_release(&err);
}

static void
exec_bad(struct config *c, const char *line, const char *message)
{
	struct strbuf err = STRBUF_INIT;

	if (config_exec(c, line, &err) != -1)
		fail_msg("'%s' worked", line);
	assert_string_equal(err.buf, message);
	strbuf_release(&err);
}

static void
test_config_init_defaults(void **state)
{
	struct config c;
	size_t i;

	(void)state;
	config_init(&c);
	assert_null(c.browser);
	assert_int_equal(c.reload_concurrency, 16);
	assert_int_equal(c.reload_interval, 0);
	assert_int_equal(c.refresh_on_start, 0);
	assert_int_equal(c.download_timeout, 60);
	assert_null(c.user_agent);
	assert_int_equal(c.max_articles, 0);
	assert_int_equal(c.keep_days, 0);
	assert_int_equal(c.layout, CONFIG_LAYOUT_AUTO);
	assert_int_equal(c.sidebar_width, 0);
	assert_int_equal(c.show_read, 1);
	assert_string_equal(c.date_format, "%b %d");
	assert_int_equal(c.key_facts, 1);
	assert_int_equal(c.key_facts_count, 0);
	assert_int_equal(c.confirm_quit, 0);
	assert_null(c.save_dir);
	for (i = 0; i < CONFIG_NELEMENTS; i++) {
		assert_int_equal(c.colors[i].set, 0);
		assert_int_equal(c.colors[i].fg, -1);
		assert_int_equal(c.colors[i].bg, -1);
		assert_int_equal(c.colors[i].attrs, 0);
	}
	assert_get(&c, "browser", "");
	assert_get(&c, "confirm-quit", "no");
	assert_get(&c, "date-format", "%b %d");
	assert_get(&c, "download-timeout", "60");
	assert_get(&c, "keep-days", "0");
	assert_get(&c, "key-facts", "yes");
	assert_get(&c, "key-facts-count", "0");
	assert_get(&c, "layout", "auto");
	assert_get(&c, "max-articles", "0");
	assert_get(&c, "refresh-on-start", "no");
	assert_get(&c, "reload-concurrency", "16");
	assert_get(&c, "reload-interval", "0");
	assert_get(&c, "save-dir", "");
	assert_get(&c, "show-read", "yes");
	assert_get(&c, "sidebar-width", "0");
	assert_get(&c, "user-agent", "");
	config_release(&c);
	config_release(&c);	/* twice is harmless */
}

static void
test_config_setting_names(void **state)
{
	size_t i, j, n = config_nsettings();

	(void)state;
	assert_int_equal(n, 16);
	for (i = 0; i < n; i++) {
		assert_non_null(config_setting_name(i));
		assert_non_null(config_setting_help(i));
		assert_int_equal(config_setting_index(config_setting_name(i)),
		    (int)i);
		for (j = 0; j < i; j++)
			assert_true(strcmp(config_setting_name(j),
			    config_setting_name(i)) < 0);
	}
	assert_null(config_setting_name(n));
	assert_null(config_setting_help(n));
	assert_int_equal(config_setting_index("reload-tme"), -1);
	assert_int_equal(config_setting_index(""), -1);
}

static void
test_config_set_bool(void **state)
{
	static const char *const names[] = {
		"confirm-quit", "key-facts", "refresh-on-start", "show-read",
	};
	struct config c;
	struct strbuf msg = STRBUF_INIT;
	size_t i;

	(void)state;
	config_init(&c);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		set_ok(&c, names[i], "yes", "yes");
		set_ok(&c, names[i], "no", "no");
		set_ok(&c, names[i], "true", "yes");
		set_ok(&c, names[i], "false", "no");
		set_ok(&c, names[i], "on", "yes");
		set_ok(&c, names[i], "off", "no");
		set_ok(&c, names[i], "1", "yes");
		set_ok(&c, names[i], "0", "no");
		set_ok(&c, names[i], "Yes", "yes");
		set_ok(&c, names[i], "OFF", "no");
		strbuf_reset(&msg);
		strbuf_addf(&msg, "invalid value 'maybe' for '%s': "
		    "expected yes or no", names[i]);
		set_bad(&c, names[i], "maybe", msg.buf);
		strbuf_reset(&msg);
		strbuf_addf(&msg, "invalid value '' for '%s': "
		    "expected yes or no", names[i]);
		set_bad(&c, names[i], "", msg.buf);
		strbuf_reset(&msg);
		strbuf_addf(&msg, "invalid value '2' for '%s': "
		    "expected yes or no", names[i]);
		set_bad(&c, names[i], "2", msg.buf);
	}
	set_ok(&c, "show-read", "no", "no");
	assert_int_equal(c.show_read, 0);
	set_ok(&c, "key-facts", "off", "no");
	assert_int_equal(c.key_facts, 0);
	set_ok(&c, "confirm-quit", "on", "yes");
	assert_int_equal(c.confirm_quit, 1);
	set_ok(&c, "refresh-on-start", "true", "yes");
	assert_int_equal(c.refresh_on_start, 1);
	config_release(&c);
	strbuf_release(&msg);
}

static void
test_config_set_int(void **state)
{
	static const struct {
		const char	*name;
		int		 min, max, zero;
	} ints[] = {
		{ "download-timeout", 5, 600, 0 },
		{ "keep-days", 0, 36500, 0 },
		{ "key-facts-count", 1, 6, 1 },
		{ "max-articles", 0, 1000000, 0 },
		{ "reload-concurrency", 1, 64, 0 },
		{ "reload-interval", 0, 10080, 0 },
		{ "sidebar-width", 16, 200, 1 },
	};
	static const char *const junk[] = {
		"", "x", "12x", "+5", " 5", "5 ", "0x10", "1e3", "-",
		"99999999999999999999999",
	};
	struct config c;
	struct strbuf v = STRBUF_INIT, msg = STRBUF_INIT;
	size_t i, j;

	(void)state;
	config_init(&c);
	for (i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
		strbuf_reset(&v);
		strbuf_addf(&v, "%d", ints[i].min);
		set_ok(&c, ints[i].name, v.buf, v.buf);
		strbuf_reset(&v);
		strbuf_addf(&v, "%d", ints[i].max);
		set_ok(&c, ints[i].name, v.buf, v.buf);
		if (ints[i].zero)
			set_ok(&c, ints[i].name, "0", "0");
		strbuf_reset(&v);
		strbuf_reset(&msg);
		strbuf_addf(&v, "00%d", ints[i].min);
		strbuf_addf(&msg, "%d", ints[i].min);
		set_ok(&c, ints[i].name, v.buf, msg.buf);
		for (j = 0; j < 2; j++) {
			strbuf_reset(&v);
			strbuf_addf(&v, "%d", j == 0 ? ints[i].min - 1 :
			    ints[i].max + 1);
			if (ints[i].zero && j == 0 && ints[i].min == 1)
				continue;
			strbuf_reset(&msg);
			strbuf_addf(&msg, "invalid value '%s' for '%s': "
			    "expected %sa number from %d to %d", v.buf,
			    ints[i].name, ints[i].zero ? "0 or " : "",
			    ints[i].min, ints[i].max);
			set_bad(&c, ints[i].name, v.buf, msg.buf);
		}
		for (j = 0; j < sizeof(junk) / sizeof(junk[0]); j++) {
			strbuf_reset(&msg);
			strbuf_addf(&msg, "invalid value '%s' for '%s': "
			    "expected %sa number from %d to %d", junk[j],
			    ints[i].name, ints[i].zero ? "0 or " : "",
			    ints[i].min, ints[i].max);
			set_bad(&c, ints[i].name, junk[j], msg.buf);
		}
	}
	set_bad(&c, "sidebar-width", "15", "invalid value '15' for "
	    "'sidebar-width': expected 0 or a number from 16 to 200");
	set_bad(&c, "reload-concurrency", "0", "invalid value '0' for "
	    "'reload-concurrency': expected a number from 1 to 64");
	set_bad(&c, "max-articles", "-1", "invalid value '-1' for "
	    "'max-articles': expected a number from 0 to 1000000");
	set_ok(&c, "reload-concurrency", "8", "8");
	assert_int_equal(c.reload_concurrency, 8);
	set_ok(&c, "reload-interval", "10080", "10080");
	assert_int_equal(c.reload_interval, 10080);
	set_ok(&c, "sidebar-width", "40", "40");
	assert_int_equal(c.sidebar_width, 40);
	set_ok(&c, "key-facts-count", "3", "3");
	assert_int_equal(c.key_facts_count, 3);
	set_ok(&c, "max-articles", "250", "250");
	assert_int_equal(c.max_articles, 250);
	set_ok(&c, "keep-days", "30", "30");
	assert_int_equal(c.keep_days, 30);
	set_ok(&c, "download-timeout", "20", "20");
	assert_int_equal(c.download_timeout, 20);
	config_release(&c);
	strbuf_release(&v);
	strbuf_release(&msg);
}

static void
test_config_set_layout(void **state)
{
	struct config c;

	(void)state;
	config_init(&c);
	set_ok(&c, "layout", "wide", "wide");
	assert_int_equal(c.layout, CONFIG_LAYOUT_WIDE);
	set_ok(&c, "layout", "narrow", "narrow");
	assert_int_equal(c.layout, CONFIG_LAYOUT_NARROW);
	set_ok(&c, "layout", "auto", "auto");
	assert_int_equal(c.layout, CONFIG_LAYOUT_AUTO);
	set_bad(&c, "layout", "Wide", "invalid value 'Wide' for 'layout': "
	    "expected auto, wide or narrow");
	set_bad(&c, "layout", "", "invalid value '' for 'layout': "
	    "expected auto, wide or narrow");
	config_release(&c);
}

static void
test_config_set_strings(void **state)
{
	struct config c;
	struct strbuf want = STRBUF_INIT;
	char big[STRING_SIZE + 2];

	(void)state;
	config_init(&c);
	set_ok(&c, "browser", "firefox --new-tab %u", "firefox --new-tab %u");
	assert_string_equal(c.browser, "firefox --new-tab %u");
	set_ok(&c, "browser", "", "");
	assert_null(c.browser);
	set_bad(&c, "browser", "lynx\n", "invalid value 'lynx\\n' for "
	    "'browser': control characters such as a newline are not "
	    "allowed");
	set_bad(&c, "browser", "a\033[2Jb", "invalid value 'a\\x1b[2Jb' for "
	    "'browser': control characters such as a newline are not "
	    "allowed");
	set_bad(&c, "browser", "a\xc2\x9b" "2Jb", "invalid value "
	    "'a\\u009b2Jb' for 'browser': control characters such as a "
	    "newline are not allowed");
	set_ok(&c, "browser", "caf\xc3\xa9 \xe2\x80\x94",
	    "caf\xc3\xa9 \xe2\x80\x94");
	memset(big, 'x', STRING_SIZE + 1);
	big[STRING_SIZE + 1] = '\0';
	memcpy(big, "\xc3\xa9", 2);	/* a value shown cut is cut whole */
	memcpy(big + 79, "\xc3\xa9", 2);
	strbuf_addstr(&want, "invalid value '");
	strbuf_add(&want, big, 79);
	strbuf_addstr(&want, "...' for 'browser': longer than 4096 bytes");
	set_bad(&c, "browser", big, want.buf);
	big[STRING_SIZE] = '\0';
	set_ok(&c, "browser", big, big);

	set_ok(&c, "user-agent", "Mozilla/5.0", "Mozilla/5.0");
	assert_string_equal(c.user_agent, "Mozilla/5.0");
	set_bad(&c, "user-agent", "a\r\nX-Evil: 1", "invalid value "
	    "'a\\r\\nX-Evil: 1' for 'user-agent': control characters such as a "
	    "newline are not allowed");
	set_ok(&c, "user-agent", "", "");
	assert_null(c.user_agent);

	set_ok(&c, "save-dir", "~/saved", "/home/reader/saved");
	set_ok(&c, "save-dir", "~", "/home/reader");
	set_ok(&c, "save-dir", "~reader/x", "~reader/x");
	set_ok(&c, "save-dir", "/srv/news", "/srv/news");
	set_ok(&c, "save-dir", "rel/dir", "rel/dir");
	unsetenv("HOME");
	set_bad(&c, "save-dir", "~/x",
	    "cannot expand '~' in '~/x': HOME is not set");
	setenv("HOME", "/home/reader", 1);
	set_ok(&c, "save-dir", "", "");
	assert_null(c.save_dir);

	set_ok(&c, "date-format", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M");
	assert_string_equal(c.date_format, "%Y-%m-%d %H:%M");
	set_bad(&c, "date-format", "", "invalid value '' for 'date-format': "
	    "the format is empty");
	set_ok(&c, "date-format", "100%% %b", "100%% %b");
	set_ok(&c, "date-format", "%%n", "%%n");
	memset(big, 'd', 64);
	big[64] = '\0';
	set_ok(&c, "date-format", big, big);
	big[64] = 'd';
	big[65] = '\0';
	set_bad(&c, "date-format", big, NULL);
	set_bad(&c, "date-format", "%d\n%b", "invalid value '%d\\n%b' for "
	    "'date-format': control characters such as a newline are not "
	    "allowed");
	set_bad(&c, "date-format", "%d%n", "invalid value '%d%n' for "
	    "'date-format': %n and %t would break the line");
	set_bad(&c, "date-format", "%t", "invalid value '%t' for "
	    "'date-format': %n and %t would break the line");
	set_bad(&c, "date-format", "%-10t", "invalid value '%-10t' for "
	    "'date-format': %n and %t would break the line");
	set_bad(&c, "date-format", "%En", "invalid value '%En' for "
	    "'date-format': %n and %t would break the line");
	set_ok(&c, "date-format", "%", "%");
	config_release(&c);
	assert_null(c.browser);
	assert_null(c.date_format);
	strbuf_release(&want);
}

/* The long values: the message names the length. */
static void
test_config_set_too_long(void **state)
{
	struct config c;
	struct strbuf v = STRBUF_INIT, err = STRBUF_INIT;

	(void)state;
	config_init(&c);
	strbuf_addstr(&v, "%d");
	while (v.len <= CONFIG_DATE_FORMAT_MAX)
		strbuf_addch(&v, '-');
	assert_int_equal(config_set(&c, "date-format", v.buf, &err), -1);
	assert_non_null(strstr(err.buf, ": longer than 64 bytes"));
	assert_string_equal(c.date_format, "%b %d");
	strbuf_reset(&v);
	strbuf_reset(&err);
	while (v.len <= 512)
		strbuf_addch(&v, 'u');
	assert_int_equal(config_set(&c, "user-agent", v.buf, &err), -1);
	assert_non_null(strstr(err.buf, "for 'user-agent': longer than 512 "
	    "bytes"));
	config_release(&c);
	strbuf_release(&v);
	strbuf_release(&err);
}

static void
test_config_set_unknown(void **state)
{
	struct config c;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	config_init(&c);
	set_bad(&c, "reload-intervl", "5", "unknown setting 'reload-intervl' "
	    "(did you mean 'reload-interval'?)");
	set_bad(&c, "Browser", "x", "unknown setting 'Browser' "
	    "(did you mean 'browser'?)");
	set_bad(&c, "showread", "no", "unknown setting 'showread' "
	    "(did you mean 'show-read'?)");
	set_bad(&c, "reload-threads", "4", "unknown setting 'reload-threads' "
	    "(did you mean 'reload-concurrency'?)");
	set_bad(&c, "reload-time", "4", "unknown setting 'reload-time' "
	    "(did you mean 'reload-interval'?)");
	set_bad(&c, "max-items", "4", "unknown setting 'max-items' "
	    "(did you mean 'max-articles'?)");
	set_bad(&c, "save-path", "x", "unknown setting 'save-path' "
	    "(did you mean 'save-dir'?)");
	set_bad(&c, "frobnicate", "1", "unknown setting 'frobnicate'");
	set_bad(&c, "", "1", "unknown setting ''");
	config_get(&c, "frobnicate", &sb);
	assert_int_equal(sb.len, 0);
	config_release(&c);
	strbuf_release(&sb);
}

static void
test_config_exec_words(void **state)
{
	struct config c;

	(void)state;
	config_init(&c);
	exec_ok(&c, "set browser \"firefox --new-tab %u\"");
	assert_string_equal(c.browser, "firefox --new-tab %u");
	exec_ok(&c, "  \tset\t browser   lynx  ");
	assert_string_equal(c.browser, "lynx");
	exec_ok(&c, "set browser a\\ b\\\\c\\\"d");
	assert_string_equal(c.browser, "a b\\c\"d");
	exec_ok(&c, "set browser ab\"c d\"e");
	assert_string_equal(c.browser, "abc de");
	exec_ok(&c, "set browser \"say \\\"hi\\\" \\\\o/\"");
	assert_string_equal(c.browser, "say \"hi\" \\o/");
	exec_ok(&c, "set browser \"\"");
	assert_null(c.browser);
	exec_ok(&c, "s\"et\" browser x");
	assert_string_equal(c.browser, "x");
	/* Comments: '#' outside quotes, even inside a word. */
	exec_ok(&c, "set browser w3m # the terminal's own");
	assert_string_equal(c.browser, "w3m");
	exec_ok(&c, "set browser w3m#no space before");
	assert_string_equal(c.browser, "w3m");
	exec_ok(&c, "set browser \"a # b\"");
	assert_string_equal(c.browser, "a # b");
	exec_ok(&c, "set browser a\\#b");
	assert_string_equal(c.browser, "a#b");
	exec_ok(&c, "# set browser nothing");
	exec_ok(&c, "   # indented comment");
	exec_ok(&c, "");
	exec_ok(&c, " \t ");
	assert_string_equal(c.browser, "a#b");
	/* \n and \t inside quotes make control characters. */
	exec_bad(&c, "x\"\\t\"y", "unknown command 'x\\ty'");
	exec_bad(&c, "set date-format \"%d\\n\"", "invalid value '%d\\n' for "
	    "'date-format': control characters such as a newline are not "
	    "allowed");
	exec_bad(&c, "set date-format \"%d\\t\"", "invalid value '%d\\t' for "
	    "'date-format': control characters such as a newline are not "
	    "allowed");
	/* No shell: backticks, $(...) and $VAR are only characters. */
	exec_ok(&c, "set browser \"`rm` $(id) $HOME ~/x\"");
	assert_string_equal(c.browser, "`rm` $(id) $HOME ~/x");
	config_release(&c);
}

static void
test_config_exec_errors(void **state)
{
	struct config c;
	struct strbuf err = STRBUF_INIT;

	(void)state;
	config_init(&c);
	exec_bad(&c, "frobnicate 1", "unknown command 'frobnicate'");
	exec_bad(&c, "st browser x", "unknown command 'st' "
	    "(did you mean 'set'?)");
	exec_bad(&c, "bnid x quit", "unknown command 'bnid' "
	    "(did you mean 'bind'?)");
	exec_bad(&c, "colour normal red default", "unknown command 'colour' "
	    "(did you mean 'color'?)");
	exec_bad(&c, "browser lynx", "unknown command 'browser' "
	    "(did you mean 'set browser'?)");
	exec_bad(&c, "browsr lynx", "unknown command 'browsr' "
	    "(did you mean 'set browser'?)");
	exec_bad(&c, "bind-key j down", "unknown command 'bind-key' "
	    "(did you mean 'bind'?)");
	exec_bad(&c, "unbind-key j", "unknown command 'unbind-key' "
	    "(did you mean 'unbind'?)");
	exec_bad(&c, "reload-threads 4", "unknown command 'reload-threads' "
	    "(did you mean 'set reload-concurrency'?)");
	exec_bad(&c, "SET browser x", "unknown command 'SET' "
	    "(did you mean 'set'?)");

	exec_bad(&c, "set", "missing arguments to 'set' "
	    "(usage: set NAME VALUE)");
	exec_bad(&c, "set browser", "missing arguments to 'set' "
	    "(usage: set NAME VALUE)");
	exec_bad(&c, "set browser lynx -dump", "too many arguments to 'set' "
	    "(quote a value that holds blanks: set browser \"lynx -dump\")");
	exec_bad(&c, "set nosuch a b", "too many arguments to 'set' "
	    "(usage: set NAME VALUE)");
	exec_bad(&c, "bind", "missing arguments to 'bind' "
	    "(usage: bind KEY ACTION [VIEW])");
	exec_bad(&c, "bind x", "missing arguments to 'bind' "
	    "(usage: bind KEY ACTION [VIEW])");
	exec_bad(&c, "bind x quit feeds more", "too many arguments to "
	    "'bind' (usage: bind KEY ACTION [VIEW])");
	exec_bad(&c, "unbind", "missing arguments to 'unbind' "
	    "(usage: unbind KEY [VIEW])");
	exec_bad(&c, "unbind x feeds more", "too many arguments to "
	    "'unbind' (usage: unbind KEY [VIEW])");
	exec_bad(&c, "color normal red", "missing arguments to 'color' "
	    "(usage: color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE...])");
	exec_bad(&c, "color normal red blue bold dim underline reverse "
	    "standout blink normal bold", "too many arguments to 'color' "
	    "(usage: color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE...])");
	exec_bad(&c, "include", "missing arguments to 'include' "
	    "(usage: include FILE)");
	exec_bad(&c, "include a b", "too many arguments to 'include' "
	    "(usage: include FILE)");
	exec_bad(&c, "include \"\"", "an empty file name");

	exec_bad(&c, "set browser \"lynx", "a quote is not closed");
	exec_bad(&c, "set browser \"lynx\\\"", "a quote is not closed");
	exec_bad(&c, "set browser \"lynx\\", "a quote is not closed");
	exec_bad(&c, "set browser \"a\\qb\"",
	    "unknown escape '\\q' in quotes");
	exec_bad(&c, "set browser lynx\\",
	    "a backslash at the end of the line");
	assert_null(c.browser);

	/* The caller's err is appended to, not replaced. */
	strbuf_addstr(&err, "before: ");
	assert_int_equal(config_exec(&c, "nope", &err), -1);
	assert_string_equal(err.buf, "before: unknown command 'nope'");
	/* Words quoted in a message come out clean, their controls shown. */
	strbuf_reset(&err);
	assert_int_equal(config_exec(&c, "\"\033]0;evil\007x\"", &err), -1);
	assert_string_equal(err.buf, "unknown command '\\x1b]0;evil\\x07x'");
	config_release(&c);
	strbuf_release(&err);
}

static void
test_config_exec_bind(void **state)
{
	struct config c;

	(void)state;
	config_init(&c);
	exec_ok(&c, "bind x quit");
	assert_int_equal(keys_action('x', KEYS_VIEW_FEEDS), ACT_QUIT);
	exec_ok(&c, "bind Space next-unread article");
	assert_int_equal(keys_action(' ', KEYS_VIEW_ARTICLE), ACT_NEXT_UNREAD);
	assert_int_equal(keys_action(' ', KEYS_VIEW_FEEDS), ACT_PAGE_DOWN);
	exec_ok(&c, "bind ^N next-unread all");
	assert_int_equal(keys_action('N' - '@', KEYS_VIEW_HELP),
	    ACT_NEXT_UNREAD);
	exec_ok(&c, "bind \"#\" help");
	assert_int_equal(keys_action('#', KEYS_VIEW_ALL), ACT_HELP);
	exec_ok(&c, "bind \\# search");
	assert_int_equal(keys_action('#', KEYS_VIEW_ALL), ACT_SEARCH);
	exec_ok(&c, "bind F5 reload-all");
	assert_int_equal(keys_action(KEYS_F0 + 5, KEYS_VIEW_ALL),
	    ACT_RELOAD_ALL);
	exec_ok(&c, "bind z none");
	assert_int_equal(keys_action('z', KEYS_VIEW_ALL), ACT_NONE);
	exec_ok(&c, "unbind A");
	assert_int_equal(keys_action('A', KEYS_VIEW_FEEDS), ACT_NONE);
	exec_ok(&c, "unbind q help");
	assert_int_equal(keys_action('q', KEYS_VIEW_HELP), ACT_NONE);
	assert_int_equal(keys_action('q', KEYS_VIEW_FEEDS), ACT_BACK);
	exec_ok(&c, "unbind y");	/* never bound: nothing to do */

	exec_bad(&c, "bind Hyper quit", "unknown key 'Hyper'");
	exec_bad(&c, "bind ENTER open", "unknown key 'ENTER' "
	    "(did you mean 'Enter'?)");
	exec_bad(&c, "bind PGDN page-down", "unknown key 'PGDN' "
	    "(did you mean 'PgDn'?)");
	exec_bad(&c, "bind jj down", "unknown key 'jj'");
	exec_bad(&c, "unbind Hyper", "unknown key 'Hyper'");
	exec_bad(&c, "bind x explode", "unknown action 'explode'");
	exec_bad(&c, "bind x nxt-unread", "unknown action 'nxt-unread' "
	    "(did you mean 'next-unread'?)");
	exec_bad(&c, "bind x quit kitchen", "unknown view 'kitchen'");
	exec_bad(&c, "bind x quit headline", "unknown view 'headline' "
	    "(did you mean 'headlines'?)");
	exec_bad(&c, "unbind x Feeds", "unknown view 'Feeds' "
	    "(did you mean 'feeds'?)");
	/* A failed bind changes nothing. */
	assert_int_equal(keys_action('x', KEYS_VIEW_FEEDS), ACT_QUIT);
	config_release(&c);
}

static void
test_config_exec_color(void **state)
{
	struct config c;
	struct config_color *col;

	(void)state;
	config_init(&c);
	exec_ok(&c, "color cursor black color214 bold reverse");
	col = &c.colors[CONFIG_CURSOR];
	assert_int_equal(col->set, 1);
	assert_int_equal(col->fg, 0);
	assert_int_equal(col->bg, 214);
	assert_int_equal(col->attrs, CONFIG_BOLD | CONFIG_REVERSE);
	exec_ok(&c, "color normal default default");
	col = &c.colors[CONFIG_NORMAL];
	assert_int_equal(col->set, 1);
	assert_int_equal(col->fg, -1);
	assert_int_equal(col->bg, -1);
	assert_int_equal(col->attrs, 0);
	exec_ok(&c, "color title-bar white blue normal");
	exec_ok(&c, "color status yellow black dim underline standout blink");
	col = &c.colors[CONFIG_STATUS];
	assert_int_equal(col->fg, 3);
	assert_int_equal(col->bg, 0);
	assert_int_equal(col->attrs,
	    CONFIG_DIM | CONFIG_UNDERLINE | CONFIG_STANDOUT | CONFIG_BLINK);
	exec_ok(&c, "color unread red green");
	exec_ok(&c, "color error magenta cyan");
	assert_int_equal(c.colors[CONFIG_ERROR].fg, 5);
	assert_int_equal(c.colors[CONFIG_ERROR].bg, 6);
	exec_ok(&c, "color accent color0 color255");
	assert_int_equal(c.colors[CONFIG_ACCENT].fg, 0);
	assert_int_equal(c.colors[CONFIG_ACCENT].bg, 255);
	exec_ok(&c, "color meta blue white");
	assert_int_equal(c.colors[CONFIG_META].fg, 4);
	assert_int_equal(c.colors[CONFIG_META].bg, 7);
	exec_ok(&c, "color frame color8 default dim");
	assert_int_equal(c.colors[CONFIG_FRAME].fg, 8);
	/* A later color line replaces the whole of an earlier one. */
	exec_ok(&c, "color cursor default default");
	assert_int_equal(c.colors[CONFIG_CURSOR].attrs, 0);
	assert_int_equal(c.colors[CONFIG_CURSOR].fg, -1);

	exec_bad(&c, "color cursr black white", "unknown element 'cursr' "
	    "(did you mean 'cursor'?)");
	exec_bad(&c, "color title black white", "unknown element 'title'");
	exec_bad(&c, "color cursor purple white", "unknown colour 'purple'");
	exec_bad(&c, "color cursor black whte", "unknown colour 'whte' "
	    "(did you mean 'white'?)");
	exec_bad(&c, "color cursor color256 white", "unknown colour "
	    "'color256' (color0 to color255)");
	exec_bad(&c, "color cursor color-1 white", "unknown colour "
	    "'color-1'");
	exec_bad(&c, "color cursor color1x white", "unknown colour "
	    "'color1x' (color0 to color255)");
	exec_bad(&c, "color cursor Black white", "unknown colour 'Black' "
	    "(did you mean 'black'?)");
	exec_bad(&c, "color cursor black white bolt", "unknown attribute "
	    "'bolt' (did you mean 'bold'?)");
	/* A failed color line changes nothing. */
	assert_int_equal(c.colors[CONFIG_CURSOR].fg, -1);
	config_release(&c);
}

static void
test_config_load_valid(void **state)
{
	struct config c;
	struct strbuf errors = STRBUF_INIT;
	int rc;

	(void)state;
	chdir_fixtures();
	config_init(&c);
	rc = config_load(&c, "valid", 1, &errors);
	if (rc != 0)
		fail_msg("%d errors:\n%s", rc, errors.buf);
	assert_int_equal(errors.len, 0);
	assert_string_equal(c.browser, "w3m %u");
	assert_int_equal(c.confirm_quit, 1);
	assert_string_equal(c.date_format, "%Y-%m-%d %H:%M");
	assert_int_equal(c.download_timeout, 30);
	assert_int_equal(c.keep_days, 90);
	assert_int_equal(c.key_facts, 0);
	assert_int_equal(c.key_facts_count, 4);
	assert_int_equal(c.layout, CONFIG_LAYOUT_WIDE);
	assert_int_equal(c.max_articles, 500);
	assert_int_equal(c.refresh_on_start, 1);
	assert_int_equal(c.reload_concurrency, 8);
	assert_int_equal(c.reload_interval, 45);	/* the include's */
	assert_string_equal(c.save_dir, "/home/reader/articles");
	assert_int_equal(c.show_read, 0);
	assert_int_equal(c.sidebar_width, 40);
	assert_string_equal(c.user_agent, "Mozilla/5.0 (X11; \"tidings\")");
	assert_int_equal(keys_action('x', KEYS_VIEW_ALL), ACT_QUIT);
	assert_int_equal(keys_action(' ', KEYS_VIEW_ARTICLE), ACT_NEXT_UNREAD);
	assert_int_equal(keys_action('N' - '@', KEYS_VIEW_ALL),
	    ACT_NEXT_UNREAD);
	assert_int_equal(keys_action('#', KEYS_VIEW_ALL), ACT_HELP);
	assert_int_equal(keys_action(';', KEYS_VIEW_ALL), ACT_COMMAND);
	assert_int_equal(keys_action('A', KEYS_VIEW_ALL), ACT_NONE);
	assert_int_equal(keys_action('q', KEYS_VIEW_HELP), ACT_NONE);
	assert_int_equal(keys_action('q', KEYS_VIEW_FEEDS), ACT_BACK);
	assert_int_equal(c.colors[CONFIG_CURSOR].bg, 214);
	assert_int_equal(c.colors[CONFIG_ERROR].attrs,
	    CONFIG_BOLD | CONFIG_UNDERLINE);
	assert_int_equal(c.colors[CONFIG_TITLE_BAR].attrs, CONFIG_STANDOUT);
	assert_int_equal(c.colors[CONFIG_STATUS].attrs, 0);
	assert_int_equal(c.colors[CONFIG_STATUS].set, 1);
	assert_int_equal(c.colors[CONFIG_META].fg, 245);	/* included */
	config_release(&c);
	strbuf_release(&errors);
}

/* The example of tidings.conf.5 (docs.sh checks that it is the same). */
static void
test_config_load_example(void **state)
{
	struct config c;
	struct strbuf errors = STRBUF_INIT;
	int rc;

	(void)state;
	chdir_fixtures();
	config_init(&c);
	rc = config_load(&c, "example", 1, &errors);
	if (rc != 0)
		fail_msg("%d errors:\n%s", rc, errors.buf);
	assert_non_null(c.browser);
	config_release(&c);
	strbuf_release(&errors);
}

static void
test_config_load_broken(void **state)
{
	struct config c;
	struct strbuf errors = STRBUF_INIT, expect = STRBUF_INIT;
	struct strbuf err = STRBUF_INIT;
	const char *p;
	int rc, lines = 0;

	(void)state;
	chdir_fixtures();
	if (file_read("broken.expect", &expect, &err) == -1)
		fail_msg("%s", err.buf);
	config_init(&c);
	rc = config_load(&c, "broken", 1, &errors);
	if (strcmp(errors.buf, expect.buf) != 0) {
		fprintf(stderr, "got:\n%s\nexpected (broken.expect):\n%s",
		    errors.buf, expect.buf);
		fail();
	}
	for (p = expect.buf; *p != '\0'; p++)
		lines += *p == '\n';
	assert_int_equal(rc, lines);
	/* The good lines between and after the bad ones took effect. */
	assert_int_equal(c.confirm_quit, 1);
	assert_int_equal(c.reload_concurrency, 4);
	assert_int_equal(c.layout, CONFIG_LAYOUT_NARROW);
	assert_int_equal(c.keep_days, 7);
	assert_int_equal(keys_action('z', KEYS_VIEW_ALL), ACT_RELOAD);
	/* The bad ones did not. */
	assert_null(c.browser);
	assert_string_equal(c.date_format, "%b %d");
	assert_int_equal(c.show_read, 1);
	assert_int_equal(c.sidebar_width, 0);
	assert_int_equal(c.max_articles, 0);
	assert_int_equal(c.download_timeout, 60);
	assert_int_equal(c.colors[CONFIG_CURSOR].set, 0);
	assert_int_equal(keys_action('j', KEYS_VIEW_ALL), ACT_DOWN);
	config_release(&c);
	strbuf_release(&errors);
	strbuf_release(&expect);
	strbuf_release(&err);
}

static void
test_config_load_missing(void **state)
{
	struct config c;
	struct strbuf errors = STRBUF_INIT;
	char *path = xasprintf("%s/none", tmpdir), *want;

	(void)state;
	config_init(&c);
	assert_int_equal(config_load(&c, path, 0, &errors), 0);
	assert_int_equal(errors.len, 0);
	assert_int_equal(config_load(&c, path, 1, &errors), -1);
	want = xasprintf("cannot read '%s': No such file or directory\n",
	    path);
	assert_string_equal(errors.buf, want);
	free(want);
	/* A folder exists but cannot be read as a file. */
	strbuf_reset(&errors);
	assert_int_equal(config_load(&c, tmpdir, 0, &errors), -1);
	want = xasprintf("cannot read '%s': Is a directory\n", tmpdir);
	assert_string_equal(errors.buf, want);
	free(want);
	/* So does a file that is too large. */
	strbuf_reset(&errors);
	free(path);
	path = xasprintf("%s/huge", tmpdir);
	write_tmp("huge", "# x\n");
	assert_int_equal(truncate(path, (off_t)2 << 20), 0);
	assert_int_equal(config_load(&c, path, 0, &errors), -1);
	want = xasprintf("cannot read '%s': file too large\n", path);
	assert_string_equal(errors.buf, want);
	free(want);
	free(path);
	config_release(&c);
	strbuf_release(&errors);
}

static void
test_config_load_goes_on(void **state)
{
	static const char nul[] =
	    "set layout narrow\nset a\0b\nset layout auto\n";
	struct config c;
	struct strbuf errors = STRBUF_INIT;
	char *path, *want;

	(void)state;
	write_tmp("config",
	    "set layout wide\r\n"
	    "set nope 1\r\n"
	    "\r\n"
	    "set reload-interval 5\n"
	    "set browser \"open\n"
	    "# line 6\n"
	    "set sidebar-width 20\n"
	    "set key-facts x\n"
	    "set save-dir /tmp/x");
	path = xasprintf("%s/config", tmpdir);
	config_init(&c);
	assert_int_equal(config_load(&c, path, 1, &errors), 3);
	want = xasprintf(
	    "%s:2: unknown setting 'nope'\n"
	    "%s:5: a quote is not closed\n"
	    "%s:8: invalid value 'x' for 'key-facts': expected yes or no\n",
	    path, path, path);
	assert_string_equal(errors.buf, want);
	assert_int_equal(c.layout, CONFIG_LAYOUT_WIDE);
	assert_int_equal(c.reload_interval, 5);
	assert_int_equal(c.sidebar_width, 20);
	assert_string_equal(c.save_dir, "/tmp/x");	/* no newline at end */
	free(want);
	free(path);

	/* A NUL byte spoils its line only. */
	strbuf_reset(&errors);
	path = xasprintf("%s/nul", tmpdir);
	assert_int_equal(file_replace(path, nul, sizeof(nul) - 1, &errors), 0);
	assert_int_equal(config_load(&c, path, 1, &errors), 1);
	want = xasprintf("%s:2: a NUL byte in the line\n", path);
	assert_string_equal(errors.buf, want);
	assert_int_equal(c.layout, CONFIG_LAYOUT_AUTO);
	free(want);
	free(path);
	config_release(&c);
	strbuf_release(&errors);
}

static void
test_config_load_include(void **state)
{
	struct config c;
	struct strbuf errors = STRBUF_INIT, want = STRBUF_INIT;
	char *path, *sub;

	(void)state;
	sub = xasprintf("%s/sub", tmpdir);
	assert_int_equal(mkdir(sub, 0700), 0);
	write_tmp("top", "include sub/colors\nset layout wide\n");
	/* Relative to the including file's folder, not the working one. */
	write_tmp("sub/colors", "color meta red default\ninclude keys\n");
	write_tmp("sub/keys", "bind x quit\nset nope 1\n");
	path = xasprintf("%s/top", tmpdir);
	config_init(&c);
	assert_int_equal(config_load(&c, path, 0, &errors), 1);
	strbuf_addf(&want, "%s/sub/keys:2: unknown setting 'nope'\n", tmpdir);
	assert_string_equal(errors.buf, want.buf);
	assert_int_equal(c.colors[CONFIG_META].fg, 1);
	assert_int_equal(keys_action('x', KEYS_VIEW_ALL), ACT_QUIT);
	assert_int_equal(c.layout, CONFIG_LAYOUT_WIDE);
	free(path);

	/* "~/" is $HOME. */
	setenv("HOME", sub, 1);
	write_tmp("home", "include ~/colors\n");
	path = xasprintf("%s/home", tmpdir);
	strbuf_reset(&errors);
	assert_int_equal(config_load(&c, path, 0, &errors), 1);
	assert_string_equal(errors.buf, want.buf);
	free(path);

	/* A missing included file is an error at the include line. */
	write_tmp("missing", "set layout auto\ninclude nothere\n"
	    "set layout narrow\n");
	path = xasprintf("%s/missing", tmpdir);
	strbuf_reset(&errors);
	strbuf_reset(&want);
	assert_int_equal(config_load(&c, path, 0, &errors), 1);
	strbuf_addf(&want, "%s:2: cannot read '%s/nothere': No such file "
	    "or directory\n", path, tmpdir);
	assert_string_equal(errors.buf, want.buf);
	assert_int_equal(c.layout, CONFIG_LAYOUT_NARROW);
	free(path);

	/* Reading the same file twice, one after the other, is no cycle. */
	write_tmp("twice", "include sub/keys\ninclude sub/keys\n");
	path = xasprintf("%s/twice", tmpdir);
	strbuf_reset(&errors);
	assert_int_equal(config_load(&c, path, 0, &errors), 2);
	free(path);
	free(sub);
	config_release(&c);
	strbuf_release(&errors);
	strbuf_release(&want);
}

static void
test_config_load_include_cycle(void **state)
{
	struct config c;
	struct strbuf errors = STRBUF_INIT, want = STRBUF_INIT;
	char *path;

	(void)state;
	write_tmp("a", "include b\nset layout wide\n");
	write_tmp("b", "set reload-interval 9\ninclude a\n");
	write_tmp("self", "include self\n");
	path = xasprintf("%s/a", tmpdir);
	config_init(&c);
	assert_int_equal(config_load(&c, path, 1, &errors), 1);
	strbuf_addf(&want, "%s/b:2: '%s/a' is already being read (an "
	    "include cycle)\n", tmpdir, tmpdir);
	assert_string_equal(errors.buf, want.buf);
	assert_int_equal(c.reload_interval, 9);
	assert_int_equal(c.layout, CONFIG_LAYOUT_WIDE);
	free(path);
	path = xasprintf("%s/self", tmpdir);
	strbuf_reset(&errors);
	strbuf_reset(&want);
	assert_int_equal(config_load(&c, path, 1, &errors), 1);
	strbuf_addf(&want, "%s:1: '%s' is already being read (an include "
	    "cycle)\n", path, path);
	assert_string_equal(errors.buf, want.buf);
	free(path);
	config_release(&c);
	strbuf_release(&errors);
	strbuf_release(&want);
}

/* A chain of includes from f0: f0 includes f1, ... f(n-1) includes fn. */
static void
write_chain(int n)
{
	char name[16], text[64];
	int i;

	for (i = 0; i <= n; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		if (i < n)
			snprintf(text, sizeof(text), "include f%d\n", i + 1);
		else
			snprintf(text, sizeof(text), "set keep-days %d\n", n);
		write_tmp(name, text);
	}
}

static void
test_config_load_include_depth(void **state)
{
	struct config c;
	struct strbuf errors = STRBUF_INIT, want = STRBUF_INIT;
	char *path = xasprintf("%s/f0", tmpdir);

	(void)state;
	config_init(&c);
	write_chain(CONFIG_MAX_DEPTH);
	assert_int_equal(config_load(&c, path, 1, &errors), 0);
	assert_int_equal(errors.len, 0);
	assert_int_equal(c.keep_days, CONFIG_MAX_DEPTH);
	write_chain(CONFIG_MAX_DEPTH + 1);
	assert_int_equal(config_load(&c, path, 1, &errors), 1);
	strbuf_addf(&want, "%s/f%d:1: includes nest deeper than 8 files\n",
	    tmpdir, CONFIG_MAX_DEPTH);
	assert_string_equal(errors.buf, want.buf);
	assert_int_equal(c.keep_days, CONFIG_MAX_DEPTH);
	free(path);
	config_release(&c);
	strbuf_release(&errors);
	strbuf_release(&want);
}

static void
test_config_exec_include(void **state)
{
	struct config c;
	struct strbuf err = STRBUF_INIT;

	(void)state;
	write_tmp("inc", "set layout wide\nset nope 1\nset nada 2\n");
	write_tmp("ok", "set layout narrow\n");
	assert_int_equal(chdir(tmpdir), 0);
	config_init(&c);
	exec_ok(&c, "include ok");
	assert_int_equal(c.layout, CONFIG_LAYOUT_NARROW);
	assert_int_equal(config_exec(&c, "include inc", &err), -1);
	assert_string_equal(err.buf, "inc:2: unknown setting 'nope'\n"
	    "inc:3: unknown setting 'nada'");
	assert_int_equal(c.layout, CONFIG_LAYOUT_WIDE);
	exec_bad(&c, "include gone", "cannot read 'gone': No such file or "
	    "directory");
	config_release(&c);
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_config_init_defaults,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_setting_names,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_set_bool,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_set_int,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_set_layout,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_set_strings,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_set_too_long,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_set_unknown,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_exec_words,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_exec_errors,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_exec_bind,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_exec_color,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_load_valid,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_load_example,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_load_broken,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_load_missing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_load_goes_on,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_load_include,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_load_include_cycle,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_load_include_depth,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_exec_include,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
