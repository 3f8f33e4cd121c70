/*
 * Thread-specific data (<pthread.h> keys, <threads.h> tss). A key is a
 * slot number with a generation: deleting a key bumps it, so values that
 * threads stored under the old key read as NULL under a new one in the
 * same slot, without visiting every thread.
 */
#include <errno.h>
#include <pthread.h>
#include "lock.h"
#include "pthread_impl.h"

struct key {
	unsigned gen;           /* odd: in use */
	void (*destructor)(void *);
};

static struct key keys[PTHREAD_KEYS_MAX];
static struct atxf_lock keys_lock = ATXF_LOCK_INIT;

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	int r = EAGAIN;

	__atxf_lock_take(&keys_lock);
	for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (keys[k].gen & 1)
			continue;
		keys[k].gen++;
		keys[k].destructor = destructor;
		*key = k;
		r = 0;
		break;
	}
	__atxf_lock_give(&keys_lock);
	return r;
}

int pthread_key_delete(pthread_key_t key)
{
	int r = EINVAL;

	__atxf_lock_take(&keys_lock);
	if (key < PTHREAD_KEYS_MAX && (keys[key].gen & 1)) {
		keys[key].gen++;
		keys[key].destructor = NULL;
		r = 0;
	}
	__atxf_lock_give(&keys_lock);
	return r;
}

void *pthread_getspecific(pthread_key_t key)
{
	struct tsd_slot *s;

	if (key >= PTHREAD_KEYS_MAX)
		return NULL;
	s = &__atxf_self()->tsd[key];
	return s->gen == __atomic_load_n(&keys[key].gen, __ATOMIC_ACQUIRE) ? s->value : NULL;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	unsigned gen;

	if (key >= PTHREAD_KEYS_MAX || !((gen = __atomic_load_n(&keys[key].gen,
								  __ATOMIC_ACQUIRE)) & 1))
		return EINVAL;
	__atxf_self()->tsd[key] = (struct tsd_slot){ (void *)value, gen };
	return 0;
}

/* One pass: calls the destructor of each live non-NULL value, which it
 * clears first. Returns whether it called any (they may set new values). */
static int destructor_pass(struct __pthread *t)
{
	int called = 0;

	for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
		void (*fn)(void *) = keys[k].destructor;
		struct tsd_slot *s = &t->tsd[k];
		void *v = s->value;

		if (fn == NULL || v == NULL || s->gen != keys[k].gen)
			continue;
		s->value = NULL;
		fn(v);
		called = 1;
	}
	return called;
}

void __atxf_tsd_run_destructors(struct __pthread *t)
{
	for (int i = 0; i < PTHREAD_DESTRUCTOR_ITERATIONS && destructor_pass(t); i++)
		;
}
