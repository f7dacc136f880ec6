/* SPDX-License-Identifier: ISC */
/*
 * A queue of work for a few threads (the store's writers, the refresh's
 * parsers). One lock guards the list of jobs, from put to taken back.
 */
#include "config.h"

#include "util/workq.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/xmalloc.h"

#define WORKQ_MAX_THREADS	8

struct workq {
	pthread_mutex_t	 lock;
	pthread_cond_t	 work;		/* a job was queued, or stop */
	pthread_cond_t	 done;		/* a job was finished */
	struct work	*jobs;		/* oldest first, till taken */
	unsigned	 unfinished;	/* queued or running */
	unsigned	 cap;		/* no more unfinished than that */
	int		 stop;
	unsigned	 nthreads;
	pthread_t	 threads[WORKQ_MAX_THREADS];
};

/* The first job no thread has begun, or NULL. */
static struct work *
first_queued(struct workq *w)
{
	struct work *job;

	for (job = w->jobs; job != NULL; job = job->next)
		if (job->state == WORK_QUEUED)
			return job;
	return NULL;
}

static void *
workq_main(void *arg)
{
	struct workq *w = arg;
	struct work *job;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->stop && (job = first_queued(w)) == NULL)
			pthread_cond_wait(&w->work, &w->lock);
		if (w->stop)
			break;
		job->state = WORK_RUNNING;
		pthread_mutex_unlock(&w->lock);
		job->run(job);
		pthread_mutex_lock(&w->lock);
		job->state = WORK_DONE;
		w->unfinished--;
		pthread_cond_broadcast(&w->done);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

unsigned
workq_threads(void)
{
	const char *env = getenv("TIDINGS_THREADS");
	long n;

	if (env != NULL && env[0] >= '0' && env[0] <= '8' && env[1] == '\0')
		return (unsigned)(env[0] - '0');
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 4 ? 4 : (unsigned)n;
}

struct workq *
workq_start(unsigned nthreads)
{
	struct workq *w = xcalloc(1, sizeof(*w));
	sigset_t all, old;

	if (nthreads < 1)
		nthreads = 1;
	if (nthreads > WORKQ_MAX_THREADS)
		nthreads = WORKQ_MAX_THREADS;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->work, NULL);
	pthread_cond_init(&w->done, NULL);
	w->cap = 2 * nthreads;
	/* signals are the main thread's: the threads start with them blocked */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (w->nthreads = 0; w->nthreads < nthreads; w->nthreads++)
		if (pthread_create(&w->threads[w->nthreads], NULL, workq_main,
		    w) != 0)
			break;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (w->nthreads == 0) {
		workq_stop(w);
		return NULL;
	}
	return w;
}

void
workq_put(struct workq *w, struct work *job)
{
	struct work **tail;

	job->state = WORK_QUEUED;
	job->next = NULL;
	pthread_mutex_lock(&w->lock);
	while (w->unfinished >= w->cap)
		pthread_cond_wait(&w->done, &w->lock);
	for (tail = &w->jobs; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = job;
	w->unfinished++;
	pthread_cond_signal(&w->work);
	pthread_mutex_unlock(&w->lock);
}

struct work *
workq_done(struct workq *w, int wait)
{
	struct work **p, *job = NULL;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		for (p = &w->jobs; *p != NULL; p = &(*p)->next)
			if ((*p)->state == WORK_DONE)
				break;
		if (*p != NULL) {
			job = *p;
			*p = job->next;
			job->next = NULL;
			break;
		}
		if (!wait || w->unfinished == 0)
			break;
		pthread_cond_wait(&w->done, &w->lock);
	}
	pthread_mutex_unlock(&w->lock);
	return job;
}

int
workq_has(struct workq *w, const char *key)
{
	struct work *job;
	int has = 0;

	pthread_mutex_lock(&w->lock);
	for (job = w->jobs; job != NULL && !has; job = job->next)
		has = job->key != NULL && strcmp(job->key, key) == 0;
	pthread_mutex_unlock(&w->lock);
	return has;
}

int
workq_busy(struct workq *w)
{
	int busy;

	pthread_mutex_lock(&w->lock);
	busy = w->jobs != NULL;
	pthread_mutex_unlock(&w->lock);
	return busy;
}

void
workq_stop(struct workq *w)
{
	unsigned i;

	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	while (w->unfinished > 0)
		pthread_cond_wait(&w->done, &w->lock);
	w->stop = 1;
	pthread_cond_broadcast(&w->work);
	pthread_mutex_unlock(&w->lock);
	for (i = 0; i < w->nthreads; i++)
		pthread_join(w->threads[i], NULL);
	if (w->jobs != NULL)
		BUG("work queue stopped with jobs not taken");
	pthread_cond_destroy(&w->done);
	pthread_cond_destroy(&w->work);
	pthread_mutex_destroy(&w->lock);
	free(w);
}
