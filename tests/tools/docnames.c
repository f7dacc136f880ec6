/* SPDX-License-Identifier: ISC */
/*
 * docnames: the names the manuals must document, one a line: "setting
 * NAME" for every setting of the config file, then "action NAME" for
 * every action a key can be bound to. tests/cli/docs.sh compares them
 * with man/tidings.1 and man/tidings.conf.5.
 */
#include "config.h"
#include "config-file.h"

#include <stdio.h>

#include "keys.h"

int
main(void)
{
	size_t i;
	int a;

	for (i = 0; i < config_nsettings(); i++)
		printf("setting %s\n", config_setting_name(i));
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++)
		printf("action %s\n", keys_action_name((enum action)a));
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("docnames");
		return 1;
	}
	return 0;
}
