/* SPDX-License-Identifier: ISC */
/*
 * keys: key names both ways, the default bindings of DESIGN.md, binding
 * and unbinding, bindings limited to a view, and the errors.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "keys.h"

static int
reset(void **state)
{
	(void)state;
	keys_reset();
	return 0;
}

static void
check_name(int key, const char *name)
{
	struct strbuf sb = STRBUF_INIT;

	keys_name(key, &sb);
	assert_string_equal(sb.buf, name);
	assert_int_equal(keys_by_name(name), key);
	strbuf_release(&sb);
}

static void
test_keys_name_round_trip(void **state)
{
	(void)state;
	check_name('j', "j");
	check_name(' ', "Space");
	check_name(KEYS_DOWN, "Down");
	check_name(KEYS_ENTER, "Enter");
	check_name('L' - '@', "^L");
	check_name(KEYS_F0 + 5, "F5");
	check_name(KEYS_F0 + 12, "F12");
	check_name(0xe9, "é");
	assert_int_equal(keys_by_name(""), KEYS_NONE);
	assert_int_equal(keys_by_name("F13"), KEYS_NONE);
	assert_int_equal(keys_by_name("F0"), KEYS_NONE);
	assert_int_equal(keys_by_name("jj"), KEYS_NONE);
	assert_int_equal(keys_by_name("^a"), KEYS_NONE);
}

static void
test_keys_action_defaults(void **state)
{
	(void)state;
	assert_int_equal(keys_action('j', KEYS_VIEW_ALL), ACT_DOWN);
	assert_int_equal(keys_action(KEYS_DOWN, KEYS_VIEW_ARTICLE), ACT_DOWN);
	assert_int_equal(keys_action('n', KEYS_VIEW_FEEDS), ACT_NEXT_UNREAD);
	assert_int_equal(keys_action('Q', KEYS_VIEW_HELP), ACT_QUIT);
	assert_int_equal(keys_action('9', KEYS_VIEW_ALL), ACT_LINK_9);
	assert_int_equal(keys_action('L' - '@', KEYS_VIEW_ALL), ACT_REDRAW);
	assert_int_equal(keys_action('z', KEYS_VIEW_ALL), ACT_NONE);
}

static void
test_keys_bind(void **state)
{
	struct strbuf err = STRBUF_INIT, names = STRBUF_INIT;

	(void)state;
	assert_int_equal(keys_bind("x", "quit", NULL, &err), 0);
	assert_int_equal(keys_action('x', KEYS_VIEW_FEEDS), ACT_QUIT);
	assert_int_equal(keys_bind("j", "none", NULL, &err), 0);
	assert_int_equal(keys_action('j', KEYS_VIEW_FEEDS), ACT_NONE);
	keys_names_of(ACT_DOWN, KEYS_VIEW_ALL, &names);
	assert_string_equal(names.buf, "Down");
	assert_int_equal(err.len, 0);
	strbuf_release(&err);
	strbuf_release(&names);
}

static void
test_keys_bind_view(void **state)
{
	struct strbuf err = STRBUF_INIT, names = STRBUF_INIT;

	(void)state;
	assert_int_equal(keys_bind("Space", "next-unread", "article", &err),
	    0);
	assert_int_equal(keys_action(' ', KEYS_VIEW_ARTICLE),
	    ACT_NEXT_UNREAD);
	assert_int_equal(keys_action(' ', KEYS_VIEW_HEADLINES),
	    ACT_PAGE_DOWN);
	keys_names_of(ACT_PAGE_DOWN, KEYS_VIEW_ARTICLE, &names);
	assert_string_equal(names.buf, "PgDn");
	strbuf_reset(&names);
	keys_names_of(ACT_PAGE_DOWN, KEYS_VIEW_FEEDS, &names);
	assert_string_equal(names.buf, "PgDn, Space");
	/* "none" in a view hides the key there only. */
	assert_int_equal(keys_bind("q", "none", "help", &err), 0);
	assert_int_equal(keys_action('q', KEYS_VIEW_HELP), ACT_NONE);
	assert_int_equal(keys_action('q', KEYS_VIEW_FEEDS), ACT_BACK);
	strbuf_release(&err);
	strbuf_release(&names);
}

static void
test_keys_bind_errors(void **state)
{
	struct strbuf err = STRBUF_INIT;

	(void)state;
	assert_int_equal(keys_bind("Hyper", "quit", NULL, &err), -1);
	assert_non_null(strstr(err.buf, "Hyper"));
	strbuf_reset(&err);
	assert_int_equal(keys_bind("x", "explode", NULL, &err), -1);
	assert_non_null(strstr(err.buf, "explode"));
	strbuf_reset(&err);
	assert_int_equal(keys_bind("x", "quit", "kitchen", &err), -1);
	assert_non_null(strstr(err.buf, "kitchen"));
	assert_int_equal(keys_action('x', KEYS_VIEW_ALL), ACT_NONE);
	strbuf_release(&err);
}

static void
test_keys_action_names(void **state)
{
	int a;

	(void)state;
	for (a = ACT_NONE; a < ACT_COUNT; a++) {
		assert_non_null(keys_action_name((enum action)a));
		assert_int_equal(keys_action_by_name(
		    keys_action_name((enum action)a)), a);
		assert_non_null(keys_action_help((enum action)a));
	}
	assert_int_equal(keys_view_by_name("headlines"),
	    KEYS_VIEW_HEADLINES);
	assert_int_equal(keys_view_by_name("Headlines"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_keys_name_round_trip, reset),
		cmocka_unit_test_setup(test_keys_action_defaults, reset),
		cmocka_unit_test_setup(test_keys_bind, reset),
		cmocka_unit_test_setup(test_keys_bind_view, reset),
		cmocka_unit_test_setup(test_keys_bind_errors, reset),
		cmocka_unit_test_setup(test_keys_action_names, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
