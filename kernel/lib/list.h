/*
 * Intrusive circular doubly-linked lists: a struct embeds a list_node and
 * lives on one list at a time through it. An empty list's head points at
 * itself. O(1) insert at either end and O(1) removal from anywhere.
 */
#ifndef LIB_LIST_H
#define LIB_LIST_H

#include <stdbool.h>
#include <stddef.h>

struct list_node {
	struct list_node *next, *prev;
};

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

static inline void list_init(struct list_node *head)
{
	head->next = head->prev = head;
}

static inline bool list_empty(const struct list_node *head)
{
	return head->next == head;
}

/* Inserts n between a and b (adjacent nodes). */
static inline void list_insert_between(struct list_node *n, struct list_node *a,
				       struct list_node *b)
{
	n->prev = a;
	n->next = b;
	a->next = n;
	b->prev = n;
}

static inline void list_push_back(struct list_node *head, struct list_node *n)
{
	list_insert_between(n, head->prev, head);
}

/* Inserts n just before pos (pos may be the head: then at the back). */
static inline void list_insert_before(struct list_node *pos, struct list_node *n)
{
	list_insert_between(n, pos->prev, pos);
}

static inline void list_remove(struct list_node *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
	n->next = n->prev = n;
}

static inline struct list_node *list_pop_front(struct list_node *head)
{
	struct list_node *n = head->next;

	if (n == head)
		return NULL;
	list_remove(n);
	return n;
}

#define list_for_each(pos, head) \
	for (struct list_node *pos = (head)->next; pos != (head); pos = pos->next)

#endif
