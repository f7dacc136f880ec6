/* SPDX-License-Identifier: ISC */
/*
 * The writer threads of a batch. Writing a feed's files is most of what a
 * first refresh costs: mxml prints the trees, and every file is read back
 * before it replaces the old one (RELIABILITY.md, finding 1). In a batch
 * the main thread builds the trees and queues them here, and goes on
 * parsing the next feed while these threads write, flush, read back and
 * rename. Jobs are taken back by the main thread, which alone touches the
 * store itself; a thread sees nothing but its job.
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util/xmalloc.h"

#define WRITER_MAX_THREADS	8

struct writer {
	pthread_mutex_t	 lock;
	pthread_cond_t	 work;		/* a job was queued, or stop */
	pthread_cond_t	 done;		/* a job was finished */
	struct save_job	*jobs;		/* oldest first, till taken */
	unsigned	 unfinished;	/* queued or running */
	unsigned	 cap;		/* no more unfinished than that */
	int		 stop;
	unsigned	 nthreads;
	pthread_t	 threads[WRITER_MAX_THREADS];
};

/* The first job no thread has begun, or NULL. */
static struct save_job *
first_queued(struct writer *w)
{
	struct save_job *job;

	for (job = w->jobs; job != NULL; job = job->next)
		if (job->state == JOB_QUEUED)
			return job;
	return NULL;
}

static void *
writer_main(void *arg)
{
	struct writer *w = arg;
	struct save_job *job;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->stop && (job = first_queued(w)) == NULL)
			pthread_cond_wait(&w->work, &w->lock);
		if (w->stop)
			break;
		job->state = JOB_RUNNING;
		pthread_mutex_unlock(&w->lock);
		store_write_files(job);
		pthread_mutex_lock(&w->lock);
		job->state = JOB_DONE;
		w->unfinished--;
		pthread_cond_broadcast(&w->done);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct writer *
writer_start(unsigned nthreads)
{
	struct writer *w = xcalloc(1, sizeof(*w));
	sigset_t all, old;

	if (nthreads < 1)
		nthreads = 1;
	if (nthreads > WRITER_MAX_THREADS)
		nthreads = WRITER_MAX_THREADS;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->work, NULL);
	pthread_cond_init(&w->done, NULL);
	w->cap = 2 * nthreads;
	/* signals are the main thread's: the threads start with them blocked */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (w->nthreads = 0; w->nthreads < nthreads; w->nthreads++)
		if (pthread_create(&w->threads[w->nthreads], NULL, writer_main,
		    w) != 0)
			break;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (w->nthreads == 0) {
		writer_stop(w);
		return NULL;
	}
	return w;
}

void
writer_put(struct writer *w, struct save_job *job)
{
	struct save_job **tail;

	job->state = JOB_QUEUED;
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

struct save_job *
writer_done(struct writer *w, int wait)
{
	struct save_job **p, *job = NULL;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		for (p = &w->jobs; *p != NULL; p = &(*p)->next)
			if ((*p)->state == JOB_DONE)
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
writer_has(struct writer *w, const char *id)
{
	struct save_job *job;
	int has = 0;

	pthread_mutex_lock(&w->lock);
	for (job = w->jobs; job != NULL && !has; job = job->next)
		has = strcmp(job->id, id) == 0;
	pthread_mutex_unlock(&w->lock);
	return has;
}

void
writer_stop(struct writer *w)
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
		BUG("writer stopped with jobs not taken");
	pthread_cond_destroy(&w->done);
	pthread_cond_destroy(&w->work);
	pthread_mutex_destroy(&w->lock);
	free(w);
}
