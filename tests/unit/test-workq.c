/* SPDX-License-Identifier: ISC */
/*
 * workq: jobs come back once, all of them, oldest first; a key is known
 * from put to taken back; put waits for room, done for a job; the
 * threads' count from TIDINGS_THREADS.
 */
#include "config.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "util/workq.h"

struct job {
	struct work	 work;		/* first */
	int		 n;
	int		 ran;		/* times run */
	char		 key[16];
	pthread_mutex_t	*gate;		/* held by the test, or NULL */
};

static void
run_job(struct work *w)
{
	struct job *job = (struct job *)w;

	if (job->gate != NULL) {	/* wait for the test to open it */
		pthread_mutex_lock(job->gate);
		pthread_mutex_unlock(job->gate);
	}
	job->ran++;
}

static void
job_init(struct job *job, int n, pthread_mutex_t *gate)
{
	memset(job, 0, sizeof(*job));
	job->n = n;
	job->gate = gate;
	job->work.run = run_job;
	snprintf(job->key, sizeof(job->key), "k%d", n);
	job->work.key = job->key;
}

/* A hundred jobs on three threads: each runs once and comes back once. */
static void
test_workq_every_job_once(void **state)
{
	struct job jobs[100];
	unsigned char back[100] = { 0 };
	struct workq *q = workq_start(3);
	struct job *job;
	int i, taken = 0;

	(void)state;
	assert_non_null(q);
	for (i = 0; i < 100; i++) {
		job_init(&jobs[i], i, NULL);
		workq_put(q, &jobs[i].work);
		while ((job = (struct job *)workq_done(q, 0)) != NULL) {
			back[job->n]++;
			taken++;
		}
	}
	while ((job = (struct job *)workq_done(q, 1)) != NULL) {
		back[job->n]++;
		taken++;
	}
	assert_int_equal(taken, 100);
	for (i = 0; i < 100; i++) {
		assert_int_equal(back[i], 1);
		assert_int_equal(jobs[i].ran, 1);
	}
	assert_false(workq_busy(q));
	assert_null(workq_done(q, 1));		/* nothing left to wait for */
	workq_stop(q);
}

/*
 * With one thread held up: the key of a job is known while it waits and
 * runs, and once done until it is taken; finished jobs come back oldest
 * first.
 */
static void
test_workq_keys_and_order(void **state)
{
	pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
	struct job a, b;
	struct workq *q = workq_start(1);
	struct work *w;

	(void)state;
	assert_non_null(q);
	pthread_mutex_lock(&gate);
	job_init(&a, 1, &gate);
	job_init(&b, 2, NULL);
	workq_put(q, &a.work);
	workq_put(q, &b.work);
	assert_true(workq_has(q, "k1"));
	assert_true(workq_has(q, "k2"));
	assert_false(workq_has(q, "k3"));
	assert_null(workq_done(q, 0));		/* a waits at the gate */
	assert_true(workq_busy(q));
	pthread_mutex_unlock(&gate);
	w = workq_done(q, 1);
	assert_ptr_equal(w, &a.work);
	assert_false(workq_has(q, "k1"));
	w = workq_done(q, 1);
	assert_ptr_equal(w, &b.work);
	assert_false(workq_has(q, "k2"));
	assert_false(workq_busy(q));
	workq_stop(q);
}

/* TIDINGS_THREADS sets the count, 0 to 8; anything else is not taken. */
static void
test_workq_threads_from_environment(void **state)
{
	unsigned dflt;

	(void)state;
	unsetenv("TIDINGS_THREADS");
	dflt = workq_threads();
	assert_true(dflt >= 1 && dflt <= 4);
	setenv("TIDINGS_THREADS", "0", 1);
	assert_int_equal(workq_threads(), 0);
	setenv("TIDINGS_THREADS", "7", 1);
	assert_int_equal(workq_threads(), 7);
	setenv("TIDINGS_THREADS", "9", 1);
	assert_int_equal(workq_threads(), dflt);
	setenv("TIDINGS_THREADS", "2x", 1);
	assert_int_equal(workq_threads(), dflt);
	unsetenv("TIDINGS_THREADS");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_workq_every_job_once),
		cmocka_unit_test(test_workq_keys_and_order),
		cmocka_unit_test(test_workq_threads_from_environment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
