/*
 * The request queue: requests that arrive while a request waits for its
 * device (atxf_device_wait_irq) are held here, a fixed ring, and served in
 * arrival order afterwards.
 */
#include "core.h"

int atxf__queue_push(struct atxf_device *dev, const struct atxf_msg *req)
{
	struct atxf_request_queue *q = &dev->core->queue;

	if (q->count == ATXF_DRIVER_QUEUE)
		return -ATXF_EAGAIN;
	q->msg[(q->head + q->count) % ATXF_DRIVER_QUEUE] = *req;
	q->count++;
	return 0;
}

int atxf__queue_pop(struct atxf_device *dev, struct atxf_msg *out)
{
	struct atxf_request_queue *q = &dev->core->queue;

	if (q->count == 0)
		return -ATXF_EAGAIN;
	*out = q->msg[q->head];
	q->head = (q->head + 1) % ATXF_DRIVER_QUEUE;
	q->count--;
	return 0;
}
